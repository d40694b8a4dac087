// Names of world event kinds and causes.
#include "sim/model/world_event.hpp"

namespace sliversim::model {

std::string_view event_kind_name(WorldEventKind kind) {
  switch (kind) {
    case WorldEventKind::kEpochStart:
      return "epoch_start";
    case WorldEventKind::kNodeJoin:
      return "node_join";
    case WorldEventKind::kNodeDown:
      return "node_down";
    case WorldEventKind::kNodeUp:
      return "node_up";
    case WorldEventKind::kDataLoss:
      return "data_loss";
    case WorldEventKind::kNodeFail:
      return "node_fail";
    case WorldEventKind::kNodeLeave:
      return "node_leave";
    case WorldEventKind::kAdversaryStart:
      return "adversary_start";
    case WorldEventKind::kBlobWrite:
      return "blob_write";
    case WorldEventKind::kBlobExpire:
      return "blob_expire";
    case WorldEventKind::kChallengeRound:
      return "challenge_round";
  }
  return "unknown";
}

std::string_view event_cause_name(EventCause cause) {
  switch (cause) {
    case EventCause::kNone:
      return "none";
    case EventCause::kPermanent:
      return "permanent";
    case EventCause::kTransient:
      return "transient";
    case EventCause::kCorrelated:
      return "correlated";
    case EventCause::kTrace:
      return "trace";
    case EventCause::kGraceful:
      return "graceful";
  }
  return "unknown";
}

}  // namespace sliversim::model
