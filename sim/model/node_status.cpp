// NodeStatusBoard: node states from world events.
#include "sim/model/node_status.hpp"

#include "sim/kernel/invariant.hpp"

namespace sliversim::model {

NodeStatusBoard::NodeStatusBoard(std::size_t initial_nodes) : nodes_(initial_nodes) {}

NodeState NodeStatusBoard::state(NodeId id) const {
  const Status& s = nodes_[index_of(id)];
  if (s.dead) return NodeState::kDead;
  if (s.left) return NodeState::kLeft;
  return s.down ? NodeState::kDown : NodeState::kUp;
}

void NodeStatusBoard::apply(const WorldEvent& event) {
  if (event.kind == WorldEventKind::kNodeJoin) {
    kernel::check_invariant(index_of(event.node) == nodes_.size(),
                            "NodeStatusBoard: nodes joined out of order");
    nodes_.emplace_back();
    return;
  }
  if (event.node == kNoNode) return;
  Status& s = nodes_[index_of(event.node)];
  switch (event.kind) {
    case WorldEventKind::kNodeDown:
      s.down = true;
      break;
    case WorldEventKind::kNodeUp:
      s.down = false;
      break;
    case WorldEventKind::kNodeFail:
      s.dead = true;
      break;
    case WorldEventKind::kNodeLeave:
      s.left = true;
      break;
    case WorldEventKind::kAdversaryStart:
      s.adversary_active = true;
      break;
    default:
      break;
  }
}

}  // namespace sliversim::model
