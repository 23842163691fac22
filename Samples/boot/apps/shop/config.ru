# frozen_string_literal: true

# The shop's Rack entry point. Bundler.require loads every gem of the
# Gemfile's default group, which is what derailed's bundle:mem measures.
require "bundler"
Bundler.require(:default, ENV.fetch("RACK_ENV", "production").to_sym)
require "logger"

class Shop < Sinatra::Base
  LOG = Logger.new($stdout, progname: "shop")
  LOG.formatter = proc { |sev, _time, prog, msg| "#{sev[0]} [#{prog}] #{msg}\n" }

  get "/" do
    LOG.info("GET / (#{1.day.inspect} cache, #{Kramdown::VERSION})")
    Kramdown::Document.new("# Shop\n\nWelcome.").to_html
  end
end

run Shop
