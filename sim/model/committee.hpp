// Committee shard assignment: how many shards each committee member holds (D'Hondt by stake,
// with a per-node cap) and which shards (minimal movement from the previous epoch).
//
// D'Hondt (highest averages): seats are handed out one at a time to the node with the highest
// quotient stake / (seats_so_far + 1). Ties between equal quotients go to the higher stake, then
// to the lower NodeId. A node at the cap takes no more seats; the seat goes to the next highest
// quotient. Quotients are compared exactly as stake_a * (s_b + 1) vs stake_b * (s_a + 1).
//
// Minimal movement: every member keeps min(old, new) of the shards it held, the lowest shard ids
// first; the other shards (of members whose count dropped, and of nodes that left the committee)
// are handed, lowest shard id first, to the members below their count, lowest NodeId first.
// Hence the number of moves is exactly the sum over members of max(0, new - old).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/model/ids.hpp"

namespace sliversim::model {

// A committee member and its stake (relative units, >= 0).
struct StakeEntry {
  NodeId node{};
  double stake = 0.0;
};

// The most shards one node may hold: floor(cap_fraction * n) when the committee has at least
// cap_min_nodes members, else n; never below ceil(n / members) so that the n shards always fit.
// Returns n when members == 0. REQUIRES: 0 < cap_fraction <= 1.
std::uint32_t shard_cap(std::uint32_t n_shards, double cap_fraction, std::uint32_t cap_min_nodes,
                        std::size_t members);

// The D'Hondt apportionment of n_shards among `committee` with at most `cap` shards each:
// counts parallel to `committee`, summing to n_shards (all zero when committee is empty).
// REQUIRES: committee sorted by NodeId without repeats; stakes finite and >= 0;
// cap * committee.size() >= n_shards when committee is non-empty.
std::vector<std::uint32_t> apportion_shards(std::span<const StakeEntry> committee,
                                            std::uint32_t n_shards, std::uint32_t cap);

// One shard changing owner at an epoch boundary.
struct ShardMove {
  ShardId shard{};
  NodeId from = kNoNode;     // the previous owner (kNoNode if none)
  NodeId to = kNoNode;       // the new owner
  bool cooperative = false;  // the previous owner can hand the shard over (set by the world)
  friend bool operator==(const ShardMove&, const ShardMove&) = default;
};

// The new owner of every shard and the moves from the previous assignment.
struct Reassignment {
  std::vector<NodeId> owners;    // shard -> node (kNoNode for all when the committee is empty)
  std::vector<ShardMove> moves;  // by ascending shard id; cooperative left false
};

// Minimal-movement reassignment (see the file comment). `previous` gives each shard's previous
// owner (kNoNode, or nodes no longer in the committee, are allowed); `committee` and `counts`
// are parallel. REQUIRES: committee sorted by NodeId without repeats; counts sum to
// previous.size() (or committee empty).
Reassignment reassign_shards(std::span<const NodeId> previous, std::span<const NodeId> committee,
                             std::span<const std::uint32_t> counts);

}  // namespace sliversim::model
