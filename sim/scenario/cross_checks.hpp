// Checks that relate keys in different parts of a scenario (class fractions sum to 1, names
// refer to topology entities, timeouts fit in epochs, blob sizes fit the code, ...). They run on
// the bound config after per-key validation; a check is skipped when a key it reads already has
// a problem, so one mistake is reported once.
#pragma once

#include "sim/scenario/config.hpp"
#include "sim/scenario/problem.hpp"

namespace sliversim::scenario {

// The largest blob RedStuff encodes with n shards: k_p * k_s * 65534 bytes, with
// f = floor((n-1)/3), k_p = n - 2f, k_s = n - f (REDSTUFF.md section 1). REQUIRES: n >= 4.
std::uint64_t max_blob_bytes(std::uint32_t n_shards);

// Appends the cross-field problems of `config` to `out`. `earlier` lists the problems found so
// far (checks whose inputs lie under one of their pointers are skipped). REQUIRES: config was
// bound from the resolved scenario, derived defaults and topology layout filled in.
void check_cross_fields(const ScenarioConfig& config, const Problems& earlier, Problems& out);

}  // namespace sliversim::scenario
