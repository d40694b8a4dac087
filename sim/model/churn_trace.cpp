// Trace replay of (time, node, event) lines.
#include "sim/model/churn_trace.hpp"

namespace sliversim::model {
namespace {

WorldEventKind tag_kind(scenario::TraceEventKind kind) {
  switch (kind) {
    case scenario::TraceEventKind::kFail:
      return WorldEventKind::kNodeFail;
    case scenario::TraceEventKind::kDown:
      return WorldEventKind::kNodeDown;
    case scenario::TraceEventKind::kUp:
      return WorldEventKind::kNodeUp;
    case scenario::TraceEventKind::kLeave:
      return WorldEventKind::kNodeLeave;
  }
  return WorldEventKind::kNodeFail;
}

}  // namespace

TraceReplay::TraceReplay(const scenario::TraceConfig& trace, WorldState& world,
                         kernel::Ticks horizon)
    : trace_(trace), world_(world), horizon_(horizon) {}

void TraceReplay::start() {
  traced_down_.assign(world_.node_count(), false);
  for (std::size_t line = 0; line < trace_.events.size(); ++line) {
    const scenario::TraceEventConfig& e = trace_.events[line];
    world_.sim().check(index_of(e.node) < world_.node_count(),
                       "a trace line names an unknown node");
    const kernel::Ticks at = kernel::Ticks::from_hours(e.time_hours);
    if (at >= horizon_) continue;
    world_.sim().schedule_at(at, kPhaseNode, event_tag(tag_kind(e.kind), index_of(e.node)),
                             [this, line](kernel::Simulator&) { apply(line); });
  }
}

void TraceReplay::apply(std::size_t line) {
  const scenario::TraceEventConfig& e = trace_.events[line];
  const std::size_t node = index_of(e.node);
  const NodeId id = id_at<NodeId>(node);
  switch (e.kind) {
    case scenario::TraceEventKind::kFail:
      world_.fail(id, EventCause::kTrace);
      break;
    case scenario::TraceEventKind::kDown:
      if (world_.begin_outage(id, EventCause::kTrace, 0)) traced_down_[node] = true;
      break;
    case scenario::TraceEventKind::kUp:
      if (traced_down_[node]) {
        traced_down_[node] = false;
        world_.end_outage(id, EventCause::kTrace, 0);
      }
      break;
    case scenario::TraceEventKind::kLeave:
      if (world_.is_alive(id)) world_.request_leave(id);
      break;
  }
}

}  // namespace sliversim::model
