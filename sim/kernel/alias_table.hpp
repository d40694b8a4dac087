// Sampling an index in O(1) from fixed weights: Walker's alias method with Vose's stable
// construction (M. D. Vose, "A linear algorithm for generating random numbers with a given
// distribution", IEEE TSE 1991). Construction order is fixed, so tables are identical everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"

namespace sliversim::kernel {

class AliasTable {
 public:
  // A table drawing index i with probability weights[i] / sum(weights).
  // Throws std::invalid_argument when weights is empty, any weight is negative or not finite, or
  // the sum is not positive and finite.
  explicit AliasTable(std::span<const double> weights);

  // Draws an index: i = uniform_below(n), then i if uniform01 < threshold[i], else alias[i]
  // (two draws from the stream).
  std::size_t sample(Rng& rng) const {
    const auto i = static_cast<std::size_t>(uniform_below(rng, threshold_.size()));
    return uniform01(rng) < threshold_[i] ? i : alias_[i];
  }

  // The number of outcomes.
  std::size_t size() const { return threshold_.size(); }
  // The probability of index i, weights[i] / sum(weights). REQUIRES: i < size().
  double probability(std::size_t i) const { return probability_[i]; }

 private:
  std::vector<double> threshold_;
  std::vector<std::uint32_t> alias_;
  std::vector<double> probability_;
};

}  // namespace sliversim::kernel
