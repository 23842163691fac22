# Tells derailed_benchmarks how to boot this plain Rack app (derailed's
# default perf:rack_load task only prints instructions, so its actions are
# cleared first to keep the output free of that banner).
Rake::Task["perf:rack_load"].clear_actions

namespace :perf do
  task :rack_load do
    require "rack"
    DERAILED_APP = Rack::Builder.parse_file(File.expand_path("config.ru", __dir__)).first
  end
end
