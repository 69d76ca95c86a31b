# frozen_string_literal: true

# Records what Jekyll (4.3, Debian's gems) makes of each fixture site, so the
# tests can compare our model and our built site with Jekyll without Ruby.
#
#   ruby scripts/jekyll-oracle.rb <fixture folder>...
#
# A fixture folder holds the site in `site/` and, optionally, `options.json`
# (`{"drafts": true}` builds as `jekyll build --drafts`). The script builds the
# site programmatically into a temporary folder, with TZ=UTC and a fixed
# `site.time`, and writes `expected.json` next to `site/`: every output path,
# each document as Jekyll read it (URL, date, title, slug, categories, tags,
# excerpt source, the body after Liquid), what was read but not published,
# paginator pages, feed entries, redirects, `site.data` and every warning.
# Running it twice gives the same file.

ENV['TZ'] = 'UTC'
require 'json'
require 'stringio'
require 'tmpdir'
require 'rexml/document'
require 'jekyll'

# The fixed build time: `site.time`, which decides what is "future".
SITE_TIME = '2025-06-01 12:00:00 +0000'

# The body of each document (and excerpt, `<path>/#excerpt`) after Liquid,
# before conversion (Markdown): what our model calls `body` and `excerpt`.
module CaptureConvert
  def convert(content)
    $rendered[document.path] = content.encode('UTF-8')
    super
  end
end
Jekyll::Renderer.prepend(CaptureConvert)

def rel(path, base)
  path.sub(%r{\A#{Regexp.escape(base)}/?}, '')
end

def date_of(doc)
  value = doc.data['date']
  value.respond_to?(:iso8601) ? value.iso8601 : value
end

def excerpt_of(doc)
  excerpt = doc.data['excerpt']
  return nil if excerpt.nil?
  return excerpt.to_s if excerpt.is_a?(String)

  # An Excerpt is the source cut at the separator (plus link definitions), then rendered.
  $rendered["#{doc.path}/#excerpt"] || $excerpts[doc.path]
end

def redirect_page?(page)
  defined?(JekyllRedirectFrom::RedirectPage) && page.is_a?(JekyllRedirectFrom::RedirectPage)
end

def names(value)
  Array(value).map(&:to_s)
end

def document_record(doc, site, kind)
  data = doc.data
  path = rel(File.expand_path(doc.path, site.source), site.source)
  # Not a file of the site: a theme's (minima's `assets/main.scss`, whose output depends on where
  # the gem is) or a plugin's (`feed.xml`, `redirects.json`).
  generated = !File.exist?(File.join(site.source, path))
  {
    'path' => path,
    'generated' => generated || nil,
    'kind' => kind,
    'collection' => doc.respond_to?(:collection) && doc.collection ? doc.collection.label : nil,
    'url' => doc.url,
    'output' => doc.write? ? rel(doc.destination(site.dest), site.dest) : nil,
    'written' => doc.write? ? File.exist?(doc.destination(site.dest)) && File.binread(doc.destination(site.dest)) == doc.output.b : nil,
    'date' => date_of(doc),
    'title' => data['title']&.to_s,
    'slug' => data['slug']&.to_s,
    'categories' => names(data['categories']),
    'tags' => names(data['tags']),
    'layout' => data['layout'],
    'author' => data['author'],
    'excerpt' => kind == 'page' ? nil : excerpt_of(doc),
    'body' => generated ? nil : $rendered[doc.path]
  }.compact
end

def feed_entries(dest)
  file = File.join(dest, 'feed.xml')
  return nil unless File.exist?(file)

  xml = REXML::Document.new(File.read(file))
  REXML::XPath.match(xml, '//entry').map do |entry|
    {
      'id' => entry.elements['id']&.text,
      'link' => entry.elements["link[@rel='alternate']"]&.attributes&.[]('href'),
      'title' => entry.elements['title']&.text,
      'published' => entry.elements['published']&.text,
      'updated' => entry.elements['updated']&.text,
      'categories' => REXML::XPath.match(entry, 'category').map { |c| c.attributes['term'] }
    }
  end
end

def record(fixture)
  # A site's `timezone` sets TZ for the whole process: every fixture starts from UTC.
  ENV['TZ'] = 'UTC'
  source = File.join(fixture, 'site')
  options_file = File.join(fixture, 'options.json')
  options = File.exist?(options_file) ? JSON.parse(File.read(options_file)) : {}
  $rendered = {}
  $excerpts = {}
  log = StringIO.new
  Dir.mktmpdir('jekyll-oracle-') do |dest|
    overrides = { 'source' => source, 'destination' => dest, 'time' => SITE_TIME, 'quiet' => false }
    overrides['show_drafts'] = true if options['drafts']
    stderr = $stderr
    stdout = $stdout
    $stderr = log
    $stdout = StringIO.new
    begin
      config = Jekyll.configuration(overrides)
      site = Jekyll::Site.new(config)
      site.reset
      site.read
      site.generate
      site.documents.each do |doc|
        ex = doc.data['excerpt']
        $excerpts[doc.path] = ex.content.dup if ex.is_a?(Jekyll::Excerpt)
      end
      site.render
      site.cleanup
      site.write
      # Excerpts are rendered when something reads them: render every one.
      site.documents.each { |doc| doc.data['excerpt'].output if doc.data['excerpt'].is_a?(Jekyll::Excerpt) }
      error = nil
    rescue StandardError => e
      error = e
    ensure
      $stderr = stderr
      $stdout = stdout
    end
    warnings = log.string.gsub(/\e\[\d+m/, '').gsub("#{source}/", '').gsub("#{dest}/", '').lines.map(&:strip).reject(&:empty?)
                  .reject { |line| line.start_with?('Configuration file:') }
    if error
      return { 'error' => "#{error.class}: #{error.message}", 'warnings' => warnings }
    end

    outputs = Dir.glob('**/*', File::FNM_DOTMATCH, base: dest)
                 .reject { |path| File.directory?(File.join(dest, path)) }.sort
    documents = []
    site.posts.docs.each { |doc| documents << document_record(doc, site, 'post') }
    site.collections.each do |label, collection|
      next if label == 'posts'

      collection.docs.each { |doc| documents << document_record(doc, site, 'document') }
    end
    pages = site.pages.reject { |page| redirect_page?(page) || page.respond_to?(:pager) && page.pager && page.pager.page > 1 }
    pages.each { |page| documents << document_record(page, site, 'page') }

    # Files of each collection folder Jekyll did not turn into a document or a static file.
    not_published = []
    site.collections.each do |label, collection|
      next unless File.directory?(collection.directory)

      read = collection.docs.map(&:relative_path) + collection.files.map(&:relative_path)
      Dir.glob('**/*', base: collection.directory).sort.each do |entry|
        full = File.join(collection.directory, entry)
        next if File.directory?(full)

        next if read.include?(File.join(collection.relative_directory, entry))

        not_published << rel(full, site.source)
      end
      _ = label
    end
    drafts_dir = File.join(site.source, site.config['collections_dir'].to_s, '_drafts')
    if !options['drafts'] && File.directory?(drafts_dir)
      Dir.glob('**/*', base: drafts_dir).sort.each { |entry| not_published << rel(File.join(drafts_dir, entry), site.source) }
    end

    paginator = site.pages.select { |page| page.respond_to?(:pager) && page.pager }.map do |page|
      pager = page.pager
      {
        'page' => pager.page,
        'url' => page.url,
        'total_pages' => pager.total_pages,
        'posts' => pager.posts.map(&:url),
        'previous' => pager.previous_page_path,
        'next' => pager.next_page_path
      }
    end.sort_by { |page| page['page'] }

    redirects = site.pages.select { |page| redirect_page?(page) }.map do |page|
      { 'from' => page.url, 'output' => rel(page.destination(dest), dest), 'to' => page.data['redirect']['to'] }
    end
    redirects += site.documents.select { |doc| doc.data['redirect_to'] }.map do |doc|
      { 'from' => doc.url, 'output' => rel(doc.destination(dest), dest), 'to' => doc.data['redirect']['to'] }
    end

    # Two redirects with one destination: the one whose target is in the written file won.
    redirects = redirects.group_by { |r| r['output'] }.map do |output, list|
      next list.first if list.size == 1

      written = File.read(File.join(dest, output))
      list.reverse.find { |r| written.include?(r['to']) }.merge('claimed_by' => list.size)
    end

    {
      'jekyll' => Jekyll::VERSION,
      'time' => site.time.iso8601,
      'options' => options,
      'outputs' => outputs,
      'documents' => documents.sort_by { |doc| [doc['kind'], doc['path']] },
      'static_files' => site.static_files.map { |file| rel(file.destination(dest), dest) }.sort,
      'not_published' => not_published.sort,
      'paginator' => paginator,
      'feed' => feed_entries(dest),
      'redirects' => redirects.sort_by { |r| r['from'] },
      'data' => site.data,
      'warnings' => warnings
    }.compact
  end
end

# Plugins, once required, stay registered for every later site of the
# process: each fixture is built by a process of its own.
if ARGV.size > 1
  ARGV.each { |fixture| system(RbConfig.ruby, __FILE__, fixture) || exit(1) }
  exit
end

ARGV.each do |fixture|
  result = record(File.expand_path(fixture))
  File.write(File.join(fixture, 'expected.json'), "#{JSON.pretty_generate(result)}\n")
  puts "#{fixture}: #{result['error'] ? "build failed: #{result['error']}" : "#{result['documents'].size} documents, #{result['outputs'].size} files"}"
end
