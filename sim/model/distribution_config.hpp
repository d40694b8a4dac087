// Turning a scenario distribution (config.hpp) into a kernel Distribution to sample from.
#pragma once

#include "sim/kernel/distribution.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

// The kernel distribution of `config`, in the same unit: fixed -> constant; exponential;
// Weibull; log-normal with mu = ln(median) (sigma 0 -> constant median); Pareto; uniform
// (min == max -> constant); empirical -> discrete over the values (equal weights when none).
// Throws std::invalid_argument when a parameter is out of the kernel's range (the loader's
// ranges exclude that).
kernel::Distribution to_distribution(const scenario::DistributionConfig& config);

}  // namespace sliversim::model
