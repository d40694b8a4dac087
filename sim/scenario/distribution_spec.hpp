// The schema of a distribution value, e.g. {"dist": "weibull", "shape": 0.8, "scale_days": 500}.
// Parameters carrying the value's unit have it in their key (mean_days, scale_days, value_bytes,
// values_bytes); shape, sigma and weights are dimensionless. Each place that takes a distribution
// allows only the kinds that make sense there.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/config.hpp"
#include "sim/scenario/spec.hpp"
#include "sim/scenario/spec_builders.hpp"

namespace sliversim::scenario {

// Where a distribution is used: its unit, its allowed kinds, and the range of its values.
struct DistributionDomain {
  std::string unit;             // suffix of the unit-carrying keys ("days"), "" if dimensionless
  std::vector<DistKind> kinds;  // allowed kinds, in documentation order
  NumberRange values;           // range of any value it can produce (fixed value, uniform bounds,
                                // empirical values); its max also bounds means and scales
};

// The JSON name of a kind ("exponential", "lognormal", ...).
std::string dist_kind_name(DistKind kind);

// The spec of a distribution over `domain`, bound to DistributionConfig. Checks, beyond each
// parameter's range: uniform min <= max; empirical weights as many as the values, summing > 0.
StructSpec<DistributionConfig> distribution_spec(const DistributionDomain& domain);

// A key holding a distribution over `domain`, bound to a DistributionConfig member.
template <class S>
TypedField<S> distribution_key(std::string key, DistributionConfig S::*member,
                               const DistributionDomain& domain, Default dflt, std::string doc) {
  return struct_key(std::move(key), member, distribution_spec(domain), std::move(dflt),
                    std::move(doc));
}

}  // namespace sliversim::scenario
