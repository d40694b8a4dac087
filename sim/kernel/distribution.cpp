// Distribution: parameter checks, sampling dispatch, CDF and moments of each kind.
#include "sim/kernel/distribution.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "sim/kernel/samplers.hpp"

namespace sliversim::kernel {

namespace {

// Shortest round-trip text of a double.
std::string number(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

// Throws std::invalid_argument("expected <name> <condition>, got <value>") unless ok.
void require(bool ok, std::string_view name, std::string_view condition, double value) {
  if (!ok) {
    throw std::invalid_argument("expected " + std::string(name) + " " + std::string(condition) +
                                ", got " + number(value));
  }
}

void require_finite(std::string_view name, double value) {
  require(std::isfinite(value), name, "finite", value);
}

void require_positive(std::string_view name, double value) {
  require(std::isfinite(value) && value > 0.0, name, "> 0 and finite", value);
}

// The standard normal CDF.
double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

std::string_view kind_name(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::kConstant:
      return "constant";
    case DistributionKind::kUniform:
      return "uniform";
    case DistributionKind::kExponential:
      return "exponential";
    case DistributionKind::kWeibull:
      return "weibull";
    case DistributionKind::kLogNormal:
      return "log_normal";
    case DistributionKind::kNormal:
      return "normal";
    case DistributionKind::kPareto:
      return "pareto";
    case DistributionKind::kDiscrete:
      return "discrete";
    case DistributionKind::kEmpirical:
      return "empirical";
  }
  return "unknown";
}

Distribution Distribution::constant(double value) {
  require_finite("value", value);
  return Distribution(DistributionKind::kConstant, value, 0.0, nullptr);
}

Distribution Distribution::uniform(double lo, double hi) {
  require_finite("lo", lo);
  require_finite("hi", hi);
  require(lo < hi, "hi", "> lo = " + number(lo), hi);
  return Distribution(DistributionKind::kUniform, lo, hi, nullptr);
}

Distribution Distribution::exponential(double mean) {
  require_positive("mean", mean);
  return Distribution(DistributionKind::kExponential, mean, 0.0, nullptr);
}

Distribution Distribution::weibull(double shape, double scale) {
  require_positive("shape", shape);
  require_positive("scale", scale);
  return Distribution(DistributionKind::kWeibull, shape, scale, nullptr);
}

Distribution Distribution::log_normal(double mu, double sigma) {
  require_finite("mu", mu);
  require_positive("sigma", sigma);
  return Distribution(DistributionKind::kLogNormal, mu, sigma, nullptr);
}

Distribution Distribution::normal(double mean, double stddev) {
  require_finite("mean", mean);
  require_positive("stddev", stddev);
  return Distribution(DistributionKind::kNormal, mean, stddev, nullptr);
}

Distribution Distribution::pareto(double scale, double shape) {
  require_positive("scale", scale);
  require_positive("shape", shape);
  return Distribution(DistributionKind::kPareto, scale, shape, nullptr);
}

Distribution Distribution::discrete(std::vector<double> values, std::vector<double> weights) {
  std::string count = "(";
  count += std::to_string(values.size());
  count += ")";
  require(values.size() == weights.size(), "as many weights as values", count,
          static_cast<double>(weights.size()));
  for (const double v : values) require_finite("value", v);
  auto table = std::make_shared<Table>();
  table->alias.emplace(weights);
  table->points = std::move(values);
  return Distribution(DistributionKind::kDiscrete, 0.0, 0.0, std::move(table));
}

Distribution Distribution::empirical(std::vector<double> samples, bool interpolate) {
  const std::size_t needed = interpolate ? 2 : 1;
  std::string at_least = ">= ";
  at_least += std::to_string(needed);
  require(samples.size() >= needed, "sample count", at_least, static_cast<double>(samples.size()));
  for (const double v : samples) require_finite("sample", v);
  std::sort(samples.begin(), samples.end());
  auto table = std::make_shared<Table>();
  table->points = std::move(samples);
  return Distribution(DistributionKind::kEmpirical, interpolate ? 1.0 : 0.0, 0.0, std::move(table));
}

double Distribution::sample(Rng& rng) const {
  switch (kind_) {
    case DistributionKind::kConstant:
      return a_;
    case DistributionKind::kUniform:
      return uniform_real(rng, a_, b_);
    case DistributionKind::kExponential:
      return kernel::exponential(rng, a_);
    case DistributionKind::kWeibull:
      return kernel::weibull(rng, a_, b_);
    case DistributionKind::kLogNormal:
      return kernel::log_normal(rng, a_, b_);
    case DistributionKind::kNormal:
      return kernel::normal(rng, a_, b_);
    case DistributionKind::kPareto:
      return kernel::pareto(rng, a_, b_);
    case DistributionKind::kDiscrete:
      return table_->points[table_->alias->sample(rng)];
    case DistributionKind::kEmpirical:
      return empirical_sample(rng);
  }
  return a_;
}

double Distribution::empirical_sample(Rng& rng) const {
  const std::vector<double>& x = table_->points;
  if (a_ == 0.0) return x[static_cast<std::size_t>(uniform_below(rng, x.size()))];
  const double p = uniform01(rng) * static_cast<double>(x.size() - 1);
  const auto i = static_cast<std::size_t>(p);
  const double fraction = p - static_cast<double>(i);
  return i + 1 < x.size() ? x[i] + fraction * (x[i + 1] - x[i]) : x[i];
}

double Distribution::cdf(double x) const {
  switch (kind_) {
    case DistributionKind::kConstant:
      return x >= a_ ? 1.0 : 0.0;
    case DistributionKind::kUniform:
      return std::clamp((x - a_) / (b_ - a_), 0.0, 1.0);
    case DistributionKind::kExponential:
      return x <= 0.0 ? 0.0 : -std::expm1(-x / a_);
    case DistributionKind::kWeibull:
      return x <= 0.0 ? 0.0 : -std::expm1(-std::pow(x / b_, a_));
    case DistributionKind::kLogNormal:
      return x <= 0.0 ? 0.0 : phi((std::log(x) - a_) / b_);
    case DistributionKind::kNormal:
      return phi((x - a_) / b_);
    case DistributionKind::kPareto:
      return x <= a_ ? 0.0 : 1.0 - std::pow(a_ / x, b_);
    case DistributionKind::kDiscrete:
      return discrete_cdf(x);
    case DistributionKind::kEmpirical:
      return empirical_cdf(x);
  }
  return 0.0;
}

double Distribution::discrete_cdf(double x) const {
  double total = 0.0;
  for (std::size_t i = 0; i < table_->points.size(); ++i) {
    if (table_->points[i] <= x) total += table_->alias->probability(i);
  }
  return std::min(total, 1.0);
}

double Distribution::empirical_cdf(double x) const {
  const std::vector<double>& s = table_->points;
  const auto above = static_cast<std::size_t>(std::upper_bound(s.begin(), s.end(), x) - s.begin());
  if (a_ == 0.0) return static_cast<double>(above) / static_cast<double>(s.size());
  if (above == 0) return 0.0;
  if (above == s.size()) return 1.0;
  const std::size_t i = above - 1;  // s[i] <= x < s[i + 1]
  const double within = (x - s[i]) / (s[i + 1] - s[i]);
  return (static_cast<double>(i) + within) / static_cast<double>(s.size() - 1);
}

std::array<double, 2> Distribution::table_moments() const {
  const std::vector<double>& x = table_->points;
  double m1 = 0.0;
  double m2 = 0.0;
  if (kind_ == DistributionKind::kDiscrete) {
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double p = table_->alias->probability(i);
      m1 += p * x[i];
      m2 += p * x[i] * x[i];
    }
  } else if (a_ == 0.0) {
    for (const double v : x) {
      m1 += v;
      m2 += v * v;
    }
    m1 /= static_cast<double>(x.size());
    m2 /= static_cast<double>(x.size());
  } else {
    // Each segment [x_i, x_{i+1}] has probability 1 / (n - 1) and is uniform within.
    for (std::size_t i = 0; i + 1 < x.size(); ++i) {
      m1 += (x[i] + x[i + 1]) / 2.0;
      m2 += (x[i] * x[i] + x[i] * x[i + 1] + x[i + 1] * x[i + 1]) / 3.0;
    }
    m1 /= static_cast<double>(x.size() - 1);
    m2 /= static_cast<double>(x.size() - 1);
  }
  return {m1, m2};
}

std::optional<double> Distribution::mean() const {
  switch (kind_) {
    case DistributionKind::kConstant:
      return a_;
    case DistributionKind::kUniform:
      return (a_ + b_) / 2.0;
    case DistributionKind::kExponential:
      return a_;
    case DistributionKind::kWeibull:
      return b_ * std::tgamma(1.0 + 1.0 / a_);
    case DistributionKind::kLogNormal:
      return std::exp(a_ + b_ * b_ / 2.0);
    case DistributionKind::kNormal:
      return a_;
    case DistributionKind::kPareto:
      if (b_ <= 1.0) return std::nullopt;
      return b_ * a_ / (b_ - 1.0);
    case DistributionKind::kDiscrete:
    case DistributionKind::kEmpirical:
      return table_moments()[0];
  }
  return std::nullopt;
}

std::optional<double> Distribution::variance() const {
  switch (kind_) {
    case DistributionKind::kConstant:
      return 0.0;
    case DistributionKind::kUniform:
      return (b_ - a_) * (b_ - a_) / 12.0;
    case DistributionKind::kExponential:
      return a_ * a_;
    case DistributionKind::kWeibull: {
      const double g1 = std::tgamma(1.0 + 1.0 / a_);
      return b_ * b_ * (std::tgamma(1.0 + 2.0 / a_) - g1 * g1);
    }
    case DistributionKind::kLogNormal:
      return std::expm1(b_ * b_) * std::exp(2.0 * a_ + b_ * b_);
    case DistributionKind::kNormal:
      return b_ * b_;
    case DistributionKind::kPareto:
      if (b_ <= 2.0) return std::nullopt;
      return a_ * a_ * b_ / ((b_ - 1.0) * (b_ - 1.0) * (b_ - 2.0));
    case DistributionKind::kDiscrete:
    case DistributionKind::kEmpirical: {
      const auto [m1, m2] = table_moments();
      return std::max(0.0, m2 - m1 * m1);
    }
  }
  return std::nullopt;
}

const std::vector<double>& Distribution::points() const {
  static const std::vector<double> kNone;
  return table_ ? table_->points : kNone;
}

std::string Distribution::describe() const {
  const std::string name(kind_name(kind_));
  auto two = [&name](std::string_view p, double a, std::string_view q, double b) {
    return name + "(" + std::string(p) + "=" + number(a) + ", " + std::string(q) + "=" + number(b) +
           ")";
  };
  switch (kind_) {
    case DistributionKind::kConstant:
      return name + "(value=" + number(a_) + ")";
    case DistributionKind::kUniform:
      return two("lo", a_, "hi", b_);
    case DistributionKind::kExponential:
      return name + "(mean=" + number(a_) + ")";
    case DistributionKind::kWeibull:
      return two("shape", a_, "scale", b_);
    case DistributionKind::kLogNormal:
      return two("mu", a_, "sigma", b_);
    case DistributionKind::kNormal:
      return two("mean", a_, "stddev", b_);
    case DistributionKind::kPareto:
      return two("scale", a_, "shape", b_);
    case DistributionKind::kDiscrete:
      return name + "(" + std::to_string(table_->points.size()) + " values)";
    case DistributionKind::kEmpirical:
      return name + "(" + std::to_string(table_->points.size()) + " samples" +
             (a_ != 0.0 ? ", interpolated)" : ")");
  }
  return name;
}

}  // namespace sliversim::kernel
