# frozen_string_literal: true

class SessionStore
  class Session
    attr_reader :id, :user, :data

    def initialize(id, user)
      @id = id
      @user = user
      @data = {}
    end

    def remember(key, value)
      (@data[key] ||= []) << value
    end
  end

  def initialize
    @sessions = {}
    @counter = 0
  end

  def open(user)
    @counter += 1
    id = format("sess-%06d", @counter)
    @sessions[id] = Session.new(id, user.dup)
  end

  def size
    @sessions.size
  end
end
