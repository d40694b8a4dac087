// The JSON-lines event log.
#include "sim/report/event_log.hpp"

namespace sliversim::report {
namespace {

// Adds the fields particular to the event's kind.
void add_kind_fields(const model::WorldTrace& trace, const model::WorldEvent& event,
                     nlohmann::json& line) {
  using model::WorldEventKind;
  switch (event.kind) {
    case WorldEventKind::kEpochStart: {
      const model::EpochRecord& e = trace.epochs[event.index];
      line["committee_size"] = e.stats.committee_size;
      line["shard_moves"] = e.stats.shard_moves;
      line["cooperative_moves"] = e.stats.cooperative_moves;
      break;
    }
    case WorldEventKind::kBlobWrite:
    case WorldEventKind::kBlobExpire: {
      const model::BlobRecord& b = trace.blobs[event.index];
      line["blob"] = event.index;
      line["class"] = trace.blob_class_names[model::index_of(b.blob_class)];
      line["size_bytes"] = b.size_bytes;
      break;
    }
    case WorldEventKind::kChallengeRound:
      line["round"] = event.index;
      break;
    case WorldEventKind::kAdversaryStart: {
      const model::AdversaryRole& role = *trace.nodes[model::index_of(event.node)].adversary;
      line["action"] = role.action == scenario::AdversaryAction::kCorrupt ? "corrupt" : "delete";
      line["sliver_fraction"] = role.sliver_fraction;
      break;
    }
    default:
      break;
  }
}

}  // namespace

nlohmann::json event_json(const model::WorldTrace& trace, const model::WorldEvent& event,
                          std::uint32_t epoch) {
  nlohmann::json line = {{"time_us", event.time.count()},
                         {"epoch", epoch},
                         {"kind", model::event_kind_name(event.kind)}};
  if (event.node != model::kNoNode) {
    line["node"] = model::index_of(event.node);
    if (event.cause != model::EventCause::kNone) {
      line["cause"] = model::event_cause_name(event.cause);
    }
    if (event.cause == model::EventCause::kCorrelated) line["incident"] = event.index;
  }
  add_kind_fields(trace, event, line);
  return line;
}

bool write_event_log(const model::WorldTrace& trace, std::ostream& out) {
  std::uint32_t epoch = 0;
  for (const model::WorldEvent& event : trace.events) {
    if (event.kind == model::WorldEventKind::kEpochStart) epoch = event.index;
    out << event_json(trace, event, epoch).dump() << '\n';
  }
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace sliversim::report
