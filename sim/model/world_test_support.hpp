// Helpers for the world tests: loading scenario text or files into configs, and the
// by-construction checks of a WorldTrace (its per-epoch series against its own events).
#pragma once

#include <string>
#include <vector>

#include "sim/model/world_trace.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model::testing {

// The config of valid scenario text (referenced files relative to scenarios/); fails the test
// with every problem when it is not valid.
scenario::ScenarioConfig config_from_text(const std::string& text,
                                          const std::vector<std::string>& overrides = {});

// The config of a file under scenarios/ (e.g. "minimal.json").
scenario::ScenarioConfig config_from_file(const std::string& name,
                                          const std::vector<std::string>& overrides = {});

// Checks, with doctest CHECKs, everything a trace must satisfy by construction: events in time
// order; epochs contiguous from 0 to the duration; each epoch's counts equal to its events;
// alive = previous alive + joins - deaths - leaves; the committee is exactly the alive nodes at
// the epoch start (replaying the events on a NodeStatusBoard); shard counts sum to n and match
// the owners; the moves are exactly the owner changes, cooperative exactly when the previous
// owner could hand over; blobs expire at the boundary their lifetime gives.
void check_by_construction(const WorldTrace& trace, const scenario::ScenarioConfig& config);

}  // namespace sliversim::model::testing
