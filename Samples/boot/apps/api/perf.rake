# Tells derailed_benchmarks how to boot this Sinatra app for `derailed exec
# perf:mem` (derailed 1.7.0 only knows how to boot Rails; its default
# perf:rack_load prints instructions). The "Booting:" line is the one
# derailed's perf:rails_load prints, kept so the preamble matches a Rails app's.
Rake::Task["perf:rack_load"].clear_actions

namespace :perf do
  task :rack_load do
    ENV["RACK_ENV"] ||= "production"
    puts "Booting: #{ENV['RACK_ENV']}"
    require "rack"
    DERAILED_APP = Rack::Builder.parse_file(File.expand_path("config.ru", __dir__)).first
  end
end
