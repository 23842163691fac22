# frozen_string_literal: true

# Workload behind retained.txt: it keeps most of what it allocates, so the
# eight "retained ..." sections and the Retained String Report are rich.
# Everything is reachable from the globals $session_store and $event_log.

require_relative "retained/lib/session_store"
require_relative "retained/lib/event_log"

$session_store = nil
$event_log = nil

module Workload
  def self.run
    $session_store = SessionStore.new
    $event_log = EventLog.new
    2_000.times do |i|
      session = $session_store.open("user-#{i % 250}")
      session.remember(:last_page, "/products/#{i % 40}")
      session.remember(:cart_token, "cart-#{i.to_s(36)}")
      $event_log.record(:page_view, session.id, i)
      $event_log.record(:add_to_cart, session.id, i) if (i % 3).zero?
    end
    # a transient that is NOT retained, for contrast
    $event_log.entries.map(&:to_s).join("\n").bytesize
  end
end
