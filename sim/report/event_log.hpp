// The optional event log (`sliversim run --events FILE.jsonl`): one JSON object per line, one
// line per exogenous world event, in trace order. Every line has time_us (integer µs), epoch
// (the epoch in force; expiries and leaves at a boundary belong to the ending epoch) and kind;
// node events add node and cause, correlated ones incident; blob events add blob, class and
// size_bytes; epoch_start adds committee_size, shard_moves and cooperative_moves;
// challenge_round adds round; adversary_start adds action ("delete" or "corrupt") and
// sliver_fraction.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "sim/model/world_trace.hpp"

namespace sliversim::report {

// The log line of `event` (epoch as described above).
nlohmann::json event_json(const model::WorldTrace& trace, const model::WorldEvent& event,
                          std::uint32_t epoch);

// Writes every event of `trace` as a line. Returns false when the stream failed.
bool write_event_log(const model::WorldTrace& trace, std::ostream& out);

}  // namespace sliversim::report
