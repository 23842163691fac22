# frozen_string_literal: true

# A tiny app-like model used for the before.txt / after.txt samples.
# Samples/generate copies this file to workloads/app/models/repo.rb, runs
# workloads/repo_app.rb, then does the same with the "after" version.
class Repo
  KEY_PREFIX = "repos/"
  KEY_SUFFIX = "/v1"
  Record = Struct.new(:id, :name, :owner, :stars)

  def self.seed(count)
    repo = new
    count.times do |i|
      repo.add(Record.new(i, "project-#{i}", "owner-#{i % 17}", (i * 31) % 500))
    end
    repo
  end

  def initialize
    @records = []
  end

  def add(record)
    @records << record
  end

  # AFTER: one interpolation builds each key in a single String allocation.
  def cache_keys
    @records.map do |record|
      key = "#{KEY_PREFIX}#{record.owner}/#{record.name}#{KEY_SUFFIX}"
      key
    end
  end

  def popular(min_stars)
    @records.select { |record| record.stars >= min_stars }.map(&:name)
  end

  def by_owner
    @records.group_by(&:owner).transform_values { |records| records.map(&:id) }
  end
end
