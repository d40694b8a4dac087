// A probability distribution as a value (kind + parameters) that the scenario layer builds once
// and the model samples many times: durations, lifetimes, sizes, stakes. Sampling uses the
// methods of samplers.hpp; the value also gives its CDF, mean and variance (for reports and
// tests). Copies are cheap (tables are shared, immutable).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/kernel/alias_table.hpp"
#include "sim/kernel/rng.hpp"

namespace sliversim::kernel {

enum class DistributionKind : std::uint8_t {
  kConstant,     // always `value`
  kUniform,      // uniform on [lo, hi)
  kExponential,  // exponential with `mean`
  kWeibull,      // shape k, scale lambda
  kLogNormal,    // exp(N(mu, sigma^2))
  kNormal,       // N(mean, stddev^2)
  kPareto,       // type I: minimum `scale`, tail index `shape`
  kDiscrete,     // values[i] with probability weights[i] / sum
  kEmpirical,    // resampling of observed samples, optionally linearly interpolated
};

// The lower-case name of a kind ("log_normal", ...), as used in scenario files.
std::string_view kind_name(DistributionKind kind);

class Distribution {
 public:
  // Factories. Each throws std::invalid_argument("expected ..., got ...") when a parameter is
  // out of range or not finite; the message names the parameter.
  static Distribution constant(double value);
  // REQUIRES lo < hi.
  static Distribution uniform(double lo, double hi);
  // REQUIRES mean > 0.
  static Distribution exponential(double mean);
  // REQUIRES shape > 0, scale > 0.
  static Distribution weibull(double shape, double scale);
  // mu, sigma of the underlying normal. REQUIRES sigma > 0.
  static Distribution log_normal(double mu, double sigma);
  // REQUIRES stddev > 0.
  static Distribution normal(double mean, double stddev);
  // REQUIRES scale > 0, shape > 0.
  static Distribution pareto(double scale, double shape);
  // values[i] drawn with probability weights[i] / sum(weights), by an alias table.
  // REQUIRES values.size() == weights.size() >= 1, values finite; weights as AliasTable.
  static Distribution discrete(std::vector<double> values, std::vector<double> weights);
  // The observed samples (sorted internally, so their order does not matter). Without
  // interpolation a draw is one of the samples, each equally likely. With interpolation a draw
  // follows the piecewise-linear CDF through the sorted samples x_0..x_{n-1} at probabilities
  // i / (n - 1): with u uniform01, p = u * (n - 1), i = floor(p), x_i + (p - i) * (x_{i+1} - x_i).
  // REQUIRES at least 1 sample (2 with interpolation), all finite.
  static Distribution empirical(std::vector<double> samples, bool interpolate);

  // One draw from rng, by the method documented in samplers.hpp for the kind.
  double sample(Rng& rng) const;

  // P(X <= x).
  double cdf(double x) const;
  // The mean, or nullopt when it is infinite (Pareto with shape <= 1).
  std::optional<double> mean() const;
  // The variance, or nullopt when it is infinite (Pareto with shape <= 2).
  std::optional<double> variance() const;

  DistributionKind kind() const { return kind_; }
  // The two scalar parameters in the order of the factory's arguments (unused ones are 0);
  // the empirical kind gives {interpolate ? 1 : 0, 0}.
  std::array<double, 2> parameters() const { return {a_, b_}; }
  // The support points: discrete values or sorted empirical samples (empty for other kinds).
  const std::vector<double>& points() const;
  // A one-line description, e.g. "weibull(shape=1.5, scale=2)"; numbers in shortest
  // round-trip form.
  std::string describe() const;

 private:
  struct Table {
    std::vector<double> points;       // discrete values, or sorted empirical samples
    std::optional<AliasTable> alias;  // discrete only
  };

  Distribution(DistributionKind kind, double a, double b, std::shared_ptr<const Table> table)
      : kind_(kind), a_(a), b_(b), table_(std::move(table)) {}

  double empirical_sample(Rng& rng) const;
  double empirical_cdf(double x) const;
  double discrete_cdf(double x) const;
  std::array<double, 2> table_moments() const;  // mean and E[X^2] of discrete / empirical

  DistributionKind kind_;
  double a_;
  double b_;
  std::shared_ptr<const Table> table_;
};

}  // namespace sliversim::kernel
