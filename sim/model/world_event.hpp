// The exogenous events of a world run, as recorded in the WorldTrace and the --events log, and
// the kernel phases that order simultaneous ones: at an epoch boundary, blob expiries and then
// leaves (both ending the old epoch) run before the new epoch starts, so no expired blob and no
// leaver is part of it; node events run after the epoch start, then blob writes, then challenge
// rounds.
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/ticks.hpp"
#include "sim/model/ids.hpp"

namespace sliversim::model {

// The phases, in the order they run at one instant.
inline constexpr kernel::Phase kPhaseBlobExpiry{5};
inline constexpr kernel::Phase kPhaseEpochEnd{10};
inline constexpr kernel::Phase kPhaseEpochStart{20};
inline constexpr kernel::Phase kPhaseNode{30};
inline constexpr kernel::Phase kPhaseBlob{40};
inline constexpr kernel::Phase kPhaseChallenge{50};

// What happened.
enum class WorldEventKind : std::uint8_t {
  kEpochStart,      // index = the epoch; its committee and assignment are in WorldTrace::epochs
  kNodeJoin,        // a node appears; it enters the committee at the next epoch start
  kNodeDown,        // a node becomes unreachable (its first overlapping outage begins)
  kNodeUp,          // a node is reachable again (its last overlapping outage ends)
  kDataLoss,        // a node's stored data is erased (a correlated outage with data loss)
  kNodeFail,        // permanent failure: the node is dead and its data gone
  kNodeLeave,       // graceful leave at an epoch end: the node leaves the committee
  kAdversaryStart,  // an adversarial node starts deleting or corrupting (see NodeInfo)
  kBlobWrite,       // index = the blob (representative) written
  kBlobExpire,      // index = the blob whose lifetime ended
  kChallengeRound,  // index = the round (0, 1, ...); schemes decide the outcomes
};

// Why a node event happened.
enum class EventCause : std::uint8_t {
  kNone,        // not a churn event (epochs, blobs, challenges, joins, adversaries)
  kPermanent,   // the node's lifetime ended
  kTransient,   // a transient outage of the node
  kCorrelated,  // an outage of its region, datacenter or provider
  kTrace,       // a line of the replayed trace
  kGraceful,    // a graceful leave drawn from the class's probability
};

// One recorded exogenous event.
struct WorldEvent {
  kernel::Ticks time;
  WorldEventKind kind = WorldEventKind::kEpochStart;
  EventCause cause = EventCause::kNone;
  NodeId node = kNoNode;    // node events; kNoNode otherwise
  std::uint32_t index = 0;  // epoch, blob or round (see the kinds); the correlated incident
                            // number for events caused by one; 0 otherwise
  friend bool operator==(const WorldEvent&, const WorldEvent&) = default;
};

// The phase the world ran `kind` in, for schemes that re-schedule world events in their own
// simulator so simultaneous events keep the world's order: kBlobExpire kPhaseBlobExpiry,
// kNodeLeave kPhaseEpochEnd, kEpochStart kPhaseEpochStart, kBlobWrite kPhaseBlob,
// kChallengeRound kPhaseChallenge, every other (node) event kPhaseNode.
constexpr kernel::Phase world_event_phase(WorldEventKind kind) {
  switch (kind) {
    case WorldEventKind::kBlobExpire:
      return kPhaseBlobExpiry;
    case WorldEventKind::kNodeLeave:
      return kPhaseEpochEnd;
    case WorldEventKind::kEpochStart:
      return kPhaseEpochStart;
    case WorldEventKind::kBlobWrite:
      return kPhaseBlob;
    case WorldEventKind::kChallengeRound:
      return kPhaseChallenge;
    default:
      return kPhaseNode;
  }
}

// The kernel tag of a scheduled world action: kind << 56 | the low 56 bits of its subject (a
// node, blob, epoch, round or incident number), so the trace digest covers what happened.
constexpr std::uint64_t event_tag(WorldEventKind kind, std::uint64_t subject) {
  return (std::uint64_t{static_cast<std::uint8_t>(kind)} << 56) |
         (subject & ((std::uint64_t{1} << 56) - 1));
}

// Stable lower-case names used in JSON ("node_down", "transient", ...).
std::string_view event_kind_name(WorldEventKind kind);
std::string_view event_cause_name(EventCause cause);

}  // namespace sliversim::model
