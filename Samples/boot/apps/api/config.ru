# frozen_string_literal: true

require "bundler"
Bundler.require(:default, ENV.fetch("RACK_ENV", "production").to_sym)

run ->(_env) { [200, { "content-type" => "application/json" }, [JSON.generate(ok: true)]] }
