# frozen_string_literal: true

class EventLog
  Entry = Struct.new(:kind, :session_id, :sequence, :note) do
    def to_s
      "#{sequence} #{kind} #{session_id} #{note}"
    end
  end

  attr_reader :entries

  def initialize
    @entries = []
  end

  def record(kind, session_id, sequence)
    note = "event #{kind} ##{sequence}"
    @entries << Entry.new(kind, session_id, sequence, note)
  end
end
