# Records what Jekyll 4.3's kramdown makes of every document of the parity
# corpus (test/kramdown/corpus/*.md) into test/kramdown/expected/*.html, so
# the differential test compares against kramdown itself without Ruby; also a
# small site's posts (test/kramdown/site/), and one post under each
# highlighting configuration of test/kramdown/highlighter/*.yml.
#
# It drives Jekyll's own Markdown converter, built from Jekyll's default
# configuration (input GFM, auto ids, smart quotes, rouge, hard_wrap false…),
# so the options are exactly a default Jekyll site's.
#
# Needs Debian's `jekyll` (4.3), which brings ruby-kramdown (2.4) and
# ruby-kramdown-parser-gfm (1.1). Run it with `pnpm oracle`.
require 'jekyll'
require 'json'
require 'fileutils'
require 'tmpdir'

root = File.expand_path('../test/kramdown', __dir__)
corpus = File.join(root, 'corpus')
expected = File.join(root, 'expected')
FileUtils.mkdir_p(expected)

config = Jekyll.configuration('quiet' => true, 'source' => corpus, 'destination' => File.join(Dir.tmpdir, 'kramdown-oracle'))
site = Jekyll::Site.new(config)
converter = site.find_converter_instance(Jekyll::Converters::Markdown)

names = Dir.children(corpus).select { |name| name.end_with?('.md') }.sort
stale = Dir.children(expected).select { |name| name.end_with?('.html') } - names.map { |name| name.sub(/\.md\z/, '.html') }
stale.each { |name| File.delete(File.join(expected, name)) }
names.each do |name|
  text = File.read(File.join(corpus, name), encoding: 'UTF-8')
  html = converter.convert(text)
  File.write(File.join(expected, name.sub(/\.md\z/, '.html')), html)
end

# A small Jekyll site for what goes through Liquid first (`{% highlight lang linenos %}`): each post's
# content, and each HTML page's (`page-<name>.html`), as Jekyll renders it, without a layout.
site_dir = File.join(root, 'site')
site_expected = File.join(root, 'expected-site')
FileUtils.mkdir_p(site_expected)
Dir.children(site_expected).each { |name| File.delete(File.join(site_expected, name)) }
jekyll_site = Jekyll::Site.new(Jekyll.configuration('quiet' => true, 'source' => site_dir, 'disable_disk_cache' => true,
                                                   'destination' => File.join(Dir.tmpdir, 'kramdown-oracle-site')))
jekyll_site.process
jekyll_site.posts.docs.each do |post|
  File.write(File.join(site_expected, File.basename(post.path, '.md') + '.html'), post.content)
end
# HTML pages: Liquid alone, no kramdown (`{% highlight %}` is coloured by the tag itself).
jekyll_site.pages.select { |page| page.ext == '.html' }.each do |page|
  File.write(File.join(site_expected, "page-#{File.basename(page.path, '.html')}.html"), page.content)
end

# Highlighting as `_config.yml` sets it (`highlighter`, `kramdown.syntax_highlighter`…): one post converted
# by the converter of a site with each configuration of test/kramdown/highlighter/*.yml.
highlighter_dir = File.join(root, 'highlighter')
highlighter_expected = File.join(root, 'expected-highlighter')
FileUtils.mkdir_p(highlighter_expected)
Dir.children(highlighter_expected).each { |name| File.delete(File.join(highlighter_expected, name)) }
highlighter_post = File.read(File.join(highlighter_dir, 'post.md'), encoding: 'UTF-8')
highlighter_configs = Dir.children(highlighter_dir).select { |name| name.end_with?('.yml') }.sort
highlighter_configs.each do |name|
  # Read by Jekyll as a site's `_config.yml` is.
  config = Jekyll.configuration('quiet' => true, 'config' => File.join(highlighter_dir, name), 'source' => highlighter_dir,
                                'destination' => File.join(Dir.tmpdir, 'kramdown-oracle-highlighter'))
  converter = Jekyll::Site.new(config).find_converter_instance(Jekyll::Converters::Markdown)
  File.write(File.join(highlighter_expected, name.sub(/\.yml\z/, '.html')), converter.convert(highlighter_post))
end

versions = {
  'ruby' => RUBY_VERSION,
  'jekyll' => Jekyll::VERSION,
  'kramdown' => Kramdown::VERSION,
  'kramdown-parser-gfm' => Gem.loaded_specs['kramdown-parser-gfm']&.version&.to_s,
  'rouge' => Gem.loaded_specs['rouge']&.version&.to_s,
  'kramdown options' => config['kramdown'],
  'documents' => names.length,
  'site posts' => jekyll_site.posts.docs.length,
  'highlighter configurations' => highlighter_configs.length,
}
File.write(File.join(root, 'oracle.json'), JSON.pretty_generate(versions) + "\n")
puts "kramdown oracle: #{names.length} documents recorded with Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION}"
