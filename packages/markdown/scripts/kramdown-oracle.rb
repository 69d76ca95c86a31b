# Records what Jekyll 4.3's kramdown makes of every document of the parity
# corpus (test/kramdown/corpus/*.md) into test/kramdown/expected/*.html, so
# the differential test compares against kramdown itself without Ruby.
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
# content as Jekyll renders it, without a layout.
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

versions = {
  'ruby' => RUBY_VERSION,
  'jekyll' => Jekyll::VERSION,
  'kramdown' => Kramdown::VERSION,
  'kramdown-parser-gfm' => Gem.loaded_specs['kramdown-parser-gfm']&.version&.to_s,
  'rouge' => Gem.loaded_specs['rouge']&.version&.to_s,
  'kramdown options' => config['kramdown'],
  'documents' => names.length,
  'site posts' => jekyll_site.posts.docs.length,
}
File.write(File.join(root, 'oracle.json'), JSON.pretty_generate(versions) + "\n")
puts "kramdown oracle: #{names.length} documents recorded with Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION}"
