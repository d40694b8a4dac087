// The recorded world: everything exogenous that happened in one run (nodes, blobs, epochs with
// their committees, shard assignments and moves, and the time-ordered events). It depends only
// on the scenario and the seed; every storage scheme replays the same WorldTrace in its own
// simulation, so nothing here depends on a scheme.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/kernel/ticks.hpp"
#include "sim/model/committee.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/node.hpp"
#include "sim/model/topology.hpp"
#include "sim/model/world_event.hpp"

namespace sliversim::model {

// Counts of what happened during one epoch. Events at a boundary belong to the epoch that ends
// there when they end it (blob expiries and leaves, which run before the epoch start), to the
// epoch that starts there otherwise.
struct EpochStats {
  std::uint32_t committee_size = 0;       // members at the epoch start
  std::uint32_t alive_nodes_end = 0;      // nodes joined and neither dead nor left, at the end
  std::uint32_t up_nodes_end = 0;         // of those, the ones not down at the end
  std::uint32_t failures_permanent = 0;   // deaths at the end of a lifetime
  std::uint32_t failures_transient = 0;   // transient outages begun (on alive nodes)
  std::uint32_t failures_correlated = 0;  // node outages begun by correlated incidents
  std::uint32_t failures_trace = 0;       // trace "fail" and "down" lines applied
  std::uint32_t deaths = 0;               // nodes that became dead (permanent + trace fail)
  std::uint32_t correlated_incidents = 0;
  std::uint32_t data_losses = 0;  // nodes whose data a correlated outage erased
  std::uint32_t joins = 0;
  std::uint32_t leaves = 0;             // graceful (drawn or traced) at this epoch's end
  std::uint32_t shard_moves = 0;        // at this epoch's start
  std::uint32_t cooperative_moves = 0;  // of those, with a previous owner up and honest
  std::uint32_t blobs_written = 0;
  std::uint32_t blobs_expired = 0;
  std::uint32_t live_blobs_end = 0;  // blobs written and not expired, at the end
  std::uint32_t challenge_rounds = 0;
  std::uint32_t adversaries_started = 0;
  friend bool operator==(const EpochStats&, const EpochStats&) = default;
};

// One epoch: [start, end), the last one ending at the run's duration.
struct EpochRecord {
  std::uint32_t epoch = 0;
  kernel::Ticks start;
  kernel::Ticks end;
  std::vector<NodeId> committee;            // ascending NodeId
  std::vector<std::uint32_t> shard_counts;  // parallel to committee, summing to n
  std::vector<NodeId> owners;               // shard -> owner (kNoNode if the committee is empty)
  std::vector<ShardMove> moves;             // from the previous epoch's owners; none in epoch 0
  EpochStats stats;
};

// A representative blob: written at written_at, stored until expires_at.
struct BlobRecord {
  BlobIndex id{};
  BlobClassId blob_class{};
  std::uint64_t size_bytes = 0;  // unencoded size (the class's distribution, rounded, at most
                                 // the largest blob RedStuff encodes with n shards)
  double weight = 0.0;           // real blobs it stands for
  kernel::Ticks written_at;
  std::uint32_t written_epoch = 0;
  kernel::Ticks expires_at;  // the boundary before epoch written_epoch + lifetime_epochs;
                             // may lie beyond the run (then no kBlobExpire event)
};

// The whole recorded world of one run (see the file comment).
struct WorldTrace {
  std::uint64_t seed = 0;
  std::uint32_t n_shards = 0;
  kernel::Ticks duration;
  kernel::Ticks epoch_length;
  std::shared_ptr<const Topology> topology;
  std::vector<std::string> node_class_names;  // by NodeClassId
  std::vector<std::string> blob_class_names;  // by BlobClassId
  std::vector<double> blob_class_weights;     // by BlobClassId: real blobs per representative
  std::uint32_t initial_nodes = 0;            // nodes 0..initial_nodes-1 were present at time 0
  std::vector<NodeInfo> nodes;                // by NodeId
  std::vector<BlobRecord> blobs;              // by BlobIndex
  std::vector<WorldEvent> events;             // in execution order (time, phase, sequence)
  std::vector<EpochRecord> epochs;            // by epoch
  std::string digest_hex;                     // the kernel's digest of the world run
  std::uint64_t kernel_events = 0;            // kernel events executed (the digest's count)
};

// The latency between two nodes: the topology's shortest path between their datacenters.
// REQUIRES: both ids are nodes of the trace.
kernel::Ticks node_latency(const WorldTrace& trace, NodeId a, NodeId b);

}  // namespace sliversim::model
