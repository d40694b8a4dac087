// Vose's alias table construction.
#include "sim/kernel/alias_table.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sliversim::kernel {

namespace {

// Shortest round-trip text of a double.
std::string number(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

// The sum of the weights after checking each one; throws std::invalid_argument.
double checked_sum(std::span<const double> weights) {
  if (weights.empty()) throw std::invalid_argument("expected at least one weight, got none");
  if (weights.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("expected at most 2^32 - 1 weights");
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!std::isfinite(weights[i]) || weights[i] < 0.0) {
      throw std::invalid_argument("expected weight " + std::to_string(i) +
                                  " finite and >= 0, got " + number(weights[i]));
    }
    sum += weights[i];
  }
  if (!(sum > 0.0) || !std::isfinite(sum)) {
    throw std::invalid_argument("expected weights with a positive finite sum, got " + number(sum));
  }
  return sum;
}

}  // namespace

AliasTable::AliasTable(std::span<const double> weights) {
  const double sum = checked_sum(weights);
  const std::size_t n = weights.size();
  threshold_.assign(n, 1.0);
  alias_.resize(n);
  probability_.resize(n);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small;
  std::vector<std::uint32_t> large;
  for (std::size_t i = 0; i < n; ++i) {
    probability_[i] = weights[i] / sum;
    scaled[i] = probability_[i] * static_cast<double>(n);
    alias_[i] = static_cast<std::uint32_t>(i);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    large.pop_back();
    threshold_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    (scaled[l] < 1.0 ? small : large).push_back(l);
  }
  // Determinism: leftovers on either list are 1 up to rounding; they keep threshold 1.
}

}  // namespace sliversim::kernel
