// The direction table of metric_direction.hpp, matched against the metric's path below its
// scheme's summary or per-epoch entry.
#include "sim/compare/metric_direction.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/compare/metric_pattern.hpp"

namespace sliversim::compare {
namespace {

struct Rule {
  std::string_view pattern;  // relative to the summary or the per-epoch entry
  Direction direction;
};

constexpr Direction kLower = Direction::kLowerIsBetter;
constexpr Direction kHigher = Direction::kHigherIsBetter;

// Determinism of the verdicts: the rules are tried in this order and the first match wins.
constexpr std::array kRules = {
    Rule{"/repair_bytes_total", kLower},
    Rule{"/repair_bytes/*", kLower},
    Rule{"/repair_seconds", kLower},
    Rule{"/repair_seconds/p50", kLower},
    Rule{"/repair_seconds/p90", kLower},
    Rule{"/repair_seconds/p99", kLower},
    Rule{"/repair_seconds/max", kLower},
    Rule{"/repair_seconds/mean", kLower},
    Rule{"/repair_seconds/cdf/*/0", kLower},
    Rule{"/bytes_per_lost_byte", kLower},
    Rule{"/blobs_lost", kLower},
    Rule{"/bytes_lost", kLower},
    Rule{"/loss_events", kLower},
    Rule{"/unavailable_blob_seconds", kLower},
    Rule{"/aborted_bytes", kLower},
    Rule{"/sync_timeouts", kLower},
    Rule{"/epoch_change_seconds/completed", kHigher},
    Rule{"/full_sync_seconds/completed", kHigher},
    Rule{"/epoch_change_seconds", kLower},
    Rule{"/epoch_change_seconds/p50", kLower},
    Rule{"/epoch_change_seconds/p90", kLower},
    Rule{"/epoch_change_seconds/p99", kLower},
    Rule{"/epoch_change_seconds/max", kLower},
    Rule{"/full_sync_seconds", kLower},
    Rule{"/full_sync_seconds/p50", kLower},
    Rule{"/full_sync_seconds/p90", kLower},
    Rule{"/full_sync_seconds/p99", kLower},
    Rule{"/full_sync_seconds/max", kLower},
};

// The part of `pointer` below /schemes/<s>/summary or /schemes/<s>/per_epoch/<i>, as a pointer,
// or nullopt when the pointer lies elsewhere.
std::optional<std::string> scheme_relative_path(std::string_view pointer) {
  const std::vector<std::string_view> tokens = pointer_tokens(pointer);
  std::size_t first = 0;
  if (tokens.size() >= 4 && tokens[0] == "schemes" && tokens[2] == "summary") {
    first = 3;
  } else if (tokens.size() >= 5 && tokens[0] == "schemes" && tokens[2] == "per_epoch") {
    first = 4;
  } else {
    return std::nullopt;
  }
  std::string relative;
  for (std::size_t i = first; i < tokens.size(); ++i) {
    relative += '/';
    relative += tokens[i];
  }
  return relative;
}

}  // namespace

Direction metric_direction(std::string_view pointer) {
  const std::optional<std::string> relative = scheme_relative_path(pointer);
  if (!relative) return Direction::kNone;
  for (const Rule& rule : kRules) {
    if (pattern_matches(rule.pattern, *relative)) return rule.direction;
  }
  return Direction::kNone;
}

std::string_view direction_name(Direction direction) {
  switch (direction) {
    case Direction::kLowerIsBetter:
      return "lower";
    case Direction::kHigherIsBetter:
      return "higher";
    case Direction::kNone:
      break;
  }
  return "none";
}

}  // namespace sliversim::compare
