// A storage node's fixed attributes, decided when it appears (at time 0 or when it joins) and
// never changed afterwards. Its changing state (up, down, dead, left) is told by world events.
#pragma once

#include <cstdint>
#include <optional>

#include "sim/kernel/ticks.hpp"
#include "sim/model/ids.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

// The state of a node at some time. A transiently down node keeps its data and stays in the
// committee (as in Walrus); dead and left are final.
enum class NodeState : std::uint8_t {
  kUp,    // reachable
  kDown,  // transiently unreachable (an outage); comes back
  kDead,  // permanently failed; its data is gone
  kLeft,  // left the committee gracefully at an epoch end
};

// What an adversarial node does, and from when.
struct AdversaryRole {
  scenario::AdversaryAction action = scenario::AdversaryAction::kDelete;
  double sliver_fraction = 0.0;  // share of its slivers deleted or corrupted
  kernel::Ticks acts_at;         // the later of the class's start_days and the node's join time
};

// A node's fixed attributes (its state lives in the events).
struct NodeInfo {
  NodeId id{};
  NodeClassId node_class{};
  std::uint32_t ordinal = 0;  // its number among its class's nodes: initial ones first, then
                              // joiners in arrival order (keys its random streams)
  bool initial = true;        // present at time 0 (else it joined at joined_at)
  kernel::Ticks joined_at;    // time zero for initial nodes
  double stake = 0.0;         // relative units
  DatacenterId datacenter{};
  RegionId region{};
  ProviderId provider{};
  double uplink_bytes_per_s = 0.0;
  double downlink_bytes_per_s = 0.0;
  std::optional<AdversaryRole> adversary;  // empty: honest
};

// The entity id of a node's own random streams: class << 32 | ordinal. It depends only on the
// node's class and its rank in that class, so another class's joins never shift it.
constexpr std::uint64_t node_stream_entity(NodeClassId node_class, std::uint32_t ordinal) {
  return (std::uint64_t{index_of(node_class)} << 32) | ordinal;
}

}  // namespace sliversim::model
