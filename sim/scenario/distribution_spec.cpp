// The distribution schema: one variant per kind, parameter keys named with the domain's unit.
#include "sim/scenario/distribution_spec.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sliversim::scenario {

namespace {

using Alternative = StructSpec<DistributionConfig>::Alternative;
using Field_ = TypedField<DistributionConfig>;

constexpr double kMaxShape = 100.0;
constexpr double kMaxSigma = 20.0;
constexpr std::size_t kMaxEmpiricalValues = 1000000;

// "mean_days", or "mean" when the domain is dimensionless.
std::string with_unit(const std::string& name, const DistributionDomain& d) {
  return d.unit.empty() ? name : name + "_" + d.unit;
}

// (0, domain max]: the range of means, medians and scales.
NumberRange scale_range(const DistributionDomain& d) { return positive(d.values.max); }

// A required parameter; `name` gets the domain's unit when `with_unit_suffix`.
Field_ param(const DistributionDomain& d, const std::string& name, bool with_unit_suffix,
             double DistributionConfig::*member, NumberRange range, const std::string& doc) {
  return number_key(with_unit_suffix ? with_unit(name, d) : name, member, range, required(),
                    with_unit_suffix ? d.unit : "", doc);
}

Field_ shape_param(const DistributionDomain& d, const std::string& doc) {
  return param(d, "shape", false, &DistributionConfig::shape, positive(kMaxShape), doc);
}

Alternative empirical(const DistributionDomain& d) {
  return {"empirical",
          "one of listed values",
          {number_list_key(with_unit("values", d), &DistributionConfig::values, d.values,
                           {1, kMaxEmpiricalValues, ""}, required(), d.unit, "the values"),
           number_list_key("weights", &DistributionConfig::weights,
                           non_negative(std::numeric_limits<double>::infinity()),
                           {0, kMaxEmpiricalValues, ""}, by_default(nlohmann::json::array()), "",
                           "relative weight of each value; [] = equal weights")}};
}

Alternative alternative(DistKind kind, const DistributionDomain& d) {
  using D = DistributionConfig;
  const NumberRange scales = scale_range(d);
  switch (kind) {
    case DistKind::kFixed:
      return {"fixed",
              "always the same value",
              {param(d, "value", true, &D::value, d.values, "the value")}};
    case DistKind::kExponential:
      return {"exponential",
              "exponential (memoryless)",
              {param(d, "mean", true, &D::mean, scales, "the mean")}};
    case DistKind::kWeibull:
      return {"weibull",
              "Weibull; shape < 1: infant mortality, > 1: wear-out",
              {shape_param(d, "shape k"),
               param(d, "scale", true, &D::scale, scales, "scale lambda (the 63rd percentile)")}};
    case DistKind::kLogNormal:
      return {"lognormal",
              "log-normal: ln X is normal",
              {param(d, "median", true, &D::median, scales, "the median, exp(mu)"),
               param(d, "sigma", false, &D::sigma, non_negative(kMaxSigma),
                     "standard deviation of ln X")}};
    case DistKind::kPareto:
      return {"pareto",
              "Pareto (heavy tail)",
              {shape_param(d, "tail index alpha"),
               param(d, "scale", true, &D::scale, scales, "the minimum value x_m")}};
    case DistKind::kUniform:
      return {"uniform",
              "uniform between two bounds",
              {param(d, "min", true, &D::min, d.values, "lower bound"),
               param(d, "max", true, &D::max, d.values, "upper bound (>= the lower bound)")}};
    case DistKind::kEmpirical:
      return empirical(d);
  }
  return {"fixed", "", {}};
}

void check_distribution(const DistributionDomain& d, const nlohmann::json& value,
                        const std::string& ptr, Problems& out) {
  const std::string kind = value.at("dist").get<std::string>();
  if (kind == "uniform") {
    const double lo = value.at(with_unit("min", d)).get<double>();
    const double hi = value.at(with_unit("max", d)).get<double>();
    if (lo > hi) {
      out.push_back({pointer_join(ptr, with_unit("max", d)),
                     "expected a number >= " + with_unit("min", d) + " (" + format_number(lo) +
                         "), got " + format_number(hi)});
    }
  } else if (kind == "empirical") {
    const auto values = value.at(with_unit("values", d)).get<std::vector<double>>();
    const auto weights = value.at("weights").get<std::vector<double>>();
    const std::string where = pointer_join(ptr, "weights");
    if (!weights.empty() && weights.size() != values.size()) {
      out.push_back({where, "expected " + std::to_string(values.size()) +
                                " weights (one per value) or none, got " +
                                std::to_string(weights.size())});
    } else if (!weights.empty() && std::accumulate(weights.begin(), weights.end(), 0.0) <= 0.0) {
      out.push_back({where, "expected weights with a positive sum, got all zero"});
    }
  }
}

}  // namespace

std::string dist_kind_name(DistKind kind) {
  switch (kind) {
    case DistKind::kFixed:
      return "fixed";
    case DistKind::kExponential:
      return "exponential";
    case DistKind::kWeibull:
      return "weibull";
    case DistKind::kLogNormal:
      return "lognormal";
    case DistKind::kPareto:
      return "pareto";
    case DistKind::kUniform:
      return "uniform";
    case DistKind::kEmpirical:
      return "empirical";
  }
  return "fixed";
}

StructSpec<DistributionConfig> distribution_spec(const DistributionDomain& domain) {
  std::vector<std::pair<std::string, DistKind>> choices;
  std::vector<Alternative> alternatives;
  for (const DistKind kind : domain.kinds) {
    choices.emplace_back(dist_kind_name(kind), kind);
    alternatives.push_back(alternative(kind, domain));
  }
  auto spec = StructSpec<DistributionConfig>::variant(
      "a distribution",
      enum_key("dist", &DistributionConfig::kind, choices, required(), "the distribution's kind"),
      {}, std::move(alternatives),
      [domain](const nlohmann::json& v, const std::string& ptr, Problems& out) {
        check_distribution(domain, v, ptr, out);
      });
  return spec.with_unit(domain.unit);
}

}  // namespace sliversim::scenario
