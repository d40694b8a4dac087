// Test doubles for the scheme driver: a tiny MDS-like storage scheme (every shard holds a unit of
// fixed size; any k valid units read the blob; a repair downloads k whole units) and a builder of
// small hand-made world traces (one epoch or more, nodes with given capacities, events).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/world_trace.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes::testing {

// A scheme with n units of `unit_bytes` each per blob, readable from any k. Unit bytes are a
// function of (blob, shard), so a rebuilt unit can be compared with the original. Plans take the
// first k usable shards after the target (cyclically); execution reports a helper whose unit is
// corrupt as a liar.
class FakeScheme : public StorageScheme {
 public:
  FakeScheme(std::size_t n, std::size_t k, std::uint64_t unit_bytes, std::string name = "fake",
             bool analytic = false);
  std::string_view name() const override { return name_; }
  bool analytic() const override { return analytic_; }
  using StorageScheme::encode;
  // Stores the true units (the content is not read).
  void encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) override;
  std::size_t read_threshold() const override { return k_; }
  bool holds_unit(model::BlobIndex, model::ShardId) const override { return true; }
  std::uint64_t unit_bytes(model::BlobIndex, model::ShardId) const override { return unit_; }
  std::uint64_t stored_bytes(model::BlobIndex) const override { return unit_ * n_; }
  RepairPlan plan_repair(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards) const override;
  std::vector<RepairResult> execute_repairs(model::BlobIndex blob,
                                            std::span<const RepairRequest> requests,
                                            UnitStore& store) override;
  void forget(model::BlobIndex) override {}

  // The true bytes of a unit.
  std::vector<std::uint8_t> unit(model::BlobIndex blob, model::ShardId shard) const;
  // Units rebuilt (or attempted) and execute_repairs calls so far (counted atomically: the driver
  // may execute several blobs' repairs at once).
  std::uint64_t executions() const { return executions_; }
  std::uint64_t calls() const { return calls_; }

 private:
  std::size_t n_;
  std::size_t k_;
  std::uint64_t unit_;
  std::string name_;
  bool analytic_;
  std::atomic<std::uint64_t> executions_{0};
  std::atomic<std::uint64_t> calls_{0};
};

// Builds a WorldTrace by hand: nodes, blobs, epochs (owners per shard) and events.
class TraceBuilder {
 public:
  // n shards, the run lasting `duration_s` seconds, epochs of `epoch_s` seconds.
  TraceBuilder(std::uint32_t n_shards, double duration_s, double epoch_s, std::uint64_t seed = 7);
  // Adds a node present from time 0 with the given capacities; returns its id.
  model::NodeId node(double uplink_bytes_per_s, double downlink_bytes_per_s);
  // Makes the node adversarial (acts at `at_s`, with an kAdversaryStart event).
  void adversary(model::NodeId node, scenario::AdversaryAction action, double fraction,
                 double at_s);
  // Adds a blob of `size` bytes and `weight`, written at `at_s` (never expiring).
  model::BlobIndex blob(std::uint64_t size, double weight, double at_s);
  // Adds epoch `epochs so far` starting at `at_s` with the given owner of every shard.
  void epoch(double at_s, std::vector<model::NodeId> owners);
  // Adds a node event (down, up, data loss, fail, leave) or a challenge round at `at_s`.
  void event(double at_s, model::WorldEventKind kind, model::NodeId node = model::kNoNode,
             std::uint32_t index = 0);
  // The trace, events sorted by (time, phase), ties in insertion order.
  model::WorldTrace build() const;

 private:
  model::WorldTrace trace_;
};

}  // namespace sliversim::schemes::testing
