// Defaults that depend on other keys (Presence::kDerived), filled into the resolved scenario so
// it shows the values a run uses, and config members derived after binding.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/scenario/config.hpp"

namespace sliversim::scenario {

// Fills the derived keys of a resolved scenario where they are absent and their inputs are
// present: /nodes/count (the sum of the class counts when every class gives a count, else
// kDefaultNodeCount) and each class's /churn/joins/stake (the class's stake).
void fill_derived_defaults(nlohmann::json& resolved);

// The nodes each class starts with: its count, or its fraction of `total` apportioned by
// largest remainder (ties to the earlier class) so the counts sum to `total`.
// REQUIRES: every class has count or fraction; fractions sum to about 1.
std::vector<std::uint32_t> apportion_class_counts(const std::vector<NodeClassConfig>& classes,
                                                  std::uint32_t total);

}  // namespace sliversim::scenario
