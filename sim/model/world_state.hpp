// The changing state of the world during its simulation, and the recorder of the WorldTrace:
// every churn process acts through these methods, which update node states, append the events
// and count them in the current epoch's statistics. A node's overlapping outages are counted, so
// it is down while any of them lasts (one kNodeDown, one kNodeUp). Dead and left are final:
// every action on such a node is ignored.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/kernel/simulator.hpp"
#include "sim/model/world_trace.hpp"

namespace sliversim::model {

class WorldState {
 public:
  // A world recording into `trace` with the clock of `sim`. REQUIRES: both outlive this.
  WorldState(kernel::Simulator& sim, WorldTrace& trace) : sim_(sim), trace_(trace) {}

  // The simulator the world runs on (processes schedule their events there).
  kernel::Simulator& sim() { return sim_; }
  // The trace recorded so far.
  const WorldTrace& trace() const { return trace_; }

  // Adds a node (its id is assigned here, the next one) and returns its id. A node that is not
  // initial is a joiner: records kNodeJoin now and counts it. REQUIRES: an epoch has begun, for
  // joiners.
  NodeId add_node(NodeInfo info);
  // A node's fixed attributes. REQUIRES: id < node_count(). The reference is invalidated by
  // add_node.
  const NodeInfo& node(NodeId id) const { return trace_.nodes[index_of(id)]; }
  // The nodes added so far (ids 0..node_count()-1).
  std::size_t node_count() const { return trace_.nodes.size(); }

  // The node's state now. REQUIRES (here and below): id < node_count().
  NodeState state(NodeId id) const;
  // Neither dead nor left.
  bool is_alive(NodeId id) const;
  // Its adversary role has started acting.
  bool adversary_active(NodeId id) const { return dynamic_[index_of(id)].adversary_active; }
  // It could hand its shards over now: not dead, not down and not an acting adversary (a node
  // leaving at this boundary still can).
  bool can_hand_over(NodeId id) const;

  // Permanent failure (cause kPermanent or kTrace): the node is dead. Returns false, doing
  // nothing, when it was already dead or left.
  bool fail(NodeId id, EventCause cause);
  // An outage begins (cause kTransient, kCorrelated or kTrace; incident numbers a correlated
  // one, else 0) and is counted as a failure of that cause; kNodeDown when the node was up.
  // Returns false, doing nothing, on a dead or left node.
  bool begin_outage(NodeId id, EventCause cause, std::uint32_t incident);
  // An outage begun by begin_outage ends; kNodeUp when it was the last. Returns false, doing
  // nothing, on a dead or left node. REQUIRES: an outage of the node is under way.
  bool end_outage(NodeId id, EventCause cause, std::uint32_t incident);
  // A correlated incident erases the node's data. Returns false on a dead or left node.
  bool lose_data(NodeId id, std::uint32_t incident);
  // Graceful leave (cause kGraceful or kTrace). Returns false on a dead or left node.
  bool leave(NodeId id, EventCause cause);
  // Marks a traced leave, carried out at the next epoch end; leave_requested tells it.
  void request_leave(NodeId id) { dynamic_[index_of(id)].leave_requested = true; }
  bool leave_requested(NodeId id) const { return dynamic_[index_of(id)].leave_requested; }
  // The node's adversary role starts acting. Returns false on a dead or left node.
  // REQUIRES: the node has an adversary role.
  bool start_adversary(NodeId id);

  // A blob is written now: records kBlobWrite. Returns its index (assigned here).
  BlobIndex add_blob(BlobRecord blob);
  // A blob's lifetime ends now: records kBlobExpire.
  void expire_blob(BlobIndex id);
  // A challenge round happens now: records kChallengeRound.
  void challenge_round(std::uint32_t round);

  // Starts the next epoch now: appends its record (number and start set; the caller fills the
  // committee, assignment and moves through the returned reference) and records kEpochStart.
  // REQUIRES: the previous epoch was ended.
  EpochRecord& begin_epoch();
  // Ends the current epoch at `end`: fills its end-of-epoch node and blob counts.
  void end_epoch(kernel::Ticks end);
  // The current epoch's statistics. REQUIRES: an epoch has begun.
  EpochStats& stats();

 private:
  struct Dynamic {
    std::uint32_t outages = 0;
    bool dead = false;
    bool left = false;
    bool leave_requested = false;
    bool adversary_active = false;
  };

  void record(WorldEventKind kind, EventCause cause, NodeId node, std::uint32_t index);

  kernel::Simulator& sim_;
  WorldTrace& trace_;
  std::vector<Dynamic> dynamic_;
  std::uint32_t live_blobs_ = 0;
};

}  // namespace sliversim::model
