// The mean of independent replications with a 95 % confidence interval from Student's t
// distribution: mean ± t(0.975, R-1) · s / sqrt(R), s the sample standard deviation.
#pragma once

#include <cstdint>
#include <span>

namespace sliversim::theory {

// The 0.975 quantile of Student's t distribution with `dof` degrees of freedom: tabulated to nine
// decimals for dof < 30, and the Cornish–Fisher expansion to 1/dof^4 (Abramowitz & Stegun
// 26.7.5) from 30 on, within 4e-8 of the exact value there. REQUIRES: dof >= 1 (checked: throws
// std::invalid_argument).
double student_t_975(std::uint64_t dof);

// A sample mean with its 95 % confidence interval.
struct MeanEstimate {
  std::uint64_t count = 0;  // replications R
  double mean = 0.0;
  double stdev = 0.0;     // sample standard deviation (divisor R - 1)
  double ci95_low = 0.0;  // mean - t(0.975, R-1) · stdev / sqrt(R)
  double ci95_high = 0.0;

  // True when value lies in [ci95_low, ci95_high].
  bool covers(double value) const { return ci95_low <= value && value <= ci95_high; }
};

// The estimate from `samples`, summed in order (two passes: mean, then squared deviations).
// REQUIRES: at least two samples (checked: throws std::invalid_argument).
MeanEstimate estimate_mean(std::span<const double> samples);

}  // namespace sliversim::theory
