// Node states told by the world's events: the board a scheme keeps while it replays a
// WorldTrace (or a test checks one). Applying the events of a trace in order gives, at each
// point, every node's state as the world had it: up, down, dead or left, and whether its
// adversary role is acting.
#pragma once

#include <cstddef>
#include <vector>

#include "sim/model/node.hpp"
#include "sim/model/world_event.hpp"

namespace sliversim::model {

class NodeStatusBoard {
 public:
  // A board for the nodes present at time 0 (0..initial_nodes-1), all up and honest.
  explicit NodeStatusBoard(std::size_t initial_nodes);

  // Applies one event (kNodeJoin adds the node, up; events without a node are ignored).
  // REQUIRES: events are applied in trace order.
  void apply(const WorldEvent& event);

  // The node's state. REQUIRES: the node has appeared (for all queries below too).
  NodeState state(NodeId id) const;
  // Up, or down (not dead, not left).
  bool is_alive(NodeId id) const {
    const Status& s = nodes_[index_of(id)];
    return !s.dead && !s.left;
  }
  // Not dead, not down and not an acting adversary: it could hand over what it holds. A node
  // that left while up still can (it hands its shards over in the next epoch), matching the
  // world's ShardMove::cooperative.
  bool can_hand_over(NodeId id) const {
    const Status& s = nodes_[index_of(id)];
    return !s.dead && !s.down && !s.adversary_active;
  }
  bool adversary_active(NodeId id) const { return nodes_[index_of(id)].adversary_active; }
  // Nodes that have appeared so far.
  std::size_t node_count() const { return nodes_.size(); }

 private:
  struct Status {
    bool down = false;
    bool dead = false;
    bool left = false;
    bool adversary_active = false;
  };
  std::vector<Status> nodes_;
};

}  // namespace sliversim::model
