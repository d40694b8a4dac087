// Student's t distribution with an integer number of degrees of freedom: the CDF from the exact
// finite trigonometric series (Abramowitz & Stegun 26.7.3 and 26.7.4: with theta = atan(t/sqrt(v)),
// P(|T| < t) is a polynomial in cos^2(theta) times sin(theta), plus theta for odd v), and the
// quantile by bisection on it. Only sqrt, atan, sin and cos from the C library are used, so the
// values are reproducible; std distributions are not used anywhere. Cost O(v) per CDF evaluation.
#pragma once

#include <cstdint>

namespace sliversim::sweep {

// The largest number of degrees of freedom accepted (beyond it the normal limit differs from t by
// less than 1e-6 anyway; sweeps have at most kMaxSeeds seeds).
inline constexpr std::uint64_t kMaxStudentDof = 1000000;

// P(T <= t) for T ~ Student's t with `dof` degrees of freedom.
// REQUIRES: 1 <= dof <= kMaxStudentDof; t is not NaN.
double student_t_cdf(double t, std::uint64_t dof);

// The p-quantile: the t with student_t_cdf(t, dof) == p, to within a few units in the last place.
// student_t_quantile(0.975, n - 1) is the factor of a two-sided 95 % confidence interval of a
// mean of n samples (12.7062 for n = 2, 1.9840 for n = 101).
// REQUIRES: 0 < p < 1; 1 <= dof <= kMaxStudentDof.
double student_t_quantile(double p, std::uint64_t dof);

}  // namespace sliversim::sweep
