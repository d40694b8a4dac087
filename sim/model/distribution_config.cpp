// Scenario distributions to kernel distributions.
#include "sim/model/distribution_config.hpp"

#include <cmath>

namespace sliversim::model {

kernel::Distribution to_distribution(const scenario::DistributionConfig& config) {
  using scenario::DistKind;
  switch (config.kind) {
    case DistKind::kFixed:
      return kernel::Distribution::constant(config.value);
    case DistKind::kExponential:
      return kernel::Distribution::exponential(config.mean);
    case DistKind::kWeibull:
      return kernel::Distribution::weibull(config.shape, config.scale);
    case DistKind::kLogNormal:
      if (config.sigma == 0.0) return kernel::Distribution::constant(config.median);
      return kernel::Distribution::log_normal(std::log(config.median), config.sigma);
    case DistKind::kPareto:
      return kernel::Distribution::pareto(config.scale, config.shape);
    case DistKind::kUniform:
      if (config.min == config.max) return kernel::Distribution::constant(config.min);
      return kernel::Distribution::uniform(config.min, config.max);
    case DistKind::kEmpirical: {
      std::vector<double> weights = config.weights;
      if (weights.empty()) weights.assign(config.values.size(), 1.0);
      return kernel::Distribution::discrete(config.values, std::move(weights));
    }
  }
  return kernel::Distribution::constant(config.value);
}

}  // namespace sliversim::model
