// The `world` object of results files: the per-epoch series and summary totals of a WorldTrace
// (keys documented in world_json.cpp and the README). Deterministic: the same trace always gives
// the same JSON, integers as integers.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/model/world_trace.hpp"

namespace sliversim::report {

// One epoch's entry of world.per_epoch.
nlohmann::json epoch_json(const model::EpochRecord& epoch);

// The whole `world` object: {"per_epoch": [...], "summary": {...}, "nodes": {...},
// "blobs": {...}, "shards": n, ...}.
nlohmann::json world_json(const model::WorldTrace& trace);

}  // namespace sliversim::report
