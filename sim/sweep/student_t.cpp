// Student's t: the closed-form series of P(|T| < t) and a bisection for its inverse.
#include "sim/sweep/student_t.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace sliversim::sweep {
namespace {

void require_dof(std::uint64_t dof) {
  if (dof < 1 || dof > kMaxStudentDof) {
    throw std::invalid_argument("student_t: degrees of freedom out of [1, 1000000]");
  }
}

// P(|T| < t) for t >= 0 (Abramowitz & Stegun 26.7.3 for odd dof, 26.7.4 for even dof).
double two_sided_mass(double t, std::uint64_t dof) {
  const double theta = std::atan(t / std::sqrt(static_cast<double>(dof)));
  const double cos_theta = std::cos(theta);
  const double c2 = cos_theta * cos_theta;
  if (dof % 2 == 0) {
    // sin(theta) * (1 + 1/2 c2 + (1*3)/(2*4) c2^2 + ... + (1*3*..*(v-3))/(2*4*..*(v-2))
    // c2^((v-2)/2))
    double term = 1.0;
    double sum = 1.0;
    for (std::uint64_t j = 1; 2 * j + 2 <= dof; ++j) {
      term *= c2 * static_cast<double>(2 * j - 1) / static_cast<double>(2 * j);
      sum += term;
    }
    return std::sin(theta) * sum;
  }
  if (dof == 1) return 2.0 * theta / std::numbers::pi;
  // (2/pi) (theta + sin(theta) cos(theta) (1 + 2/3 c2 + ... + (2*4*..*(v-3))/(3*5*..*(v-2)) ...))
  double term = cos_theta;
  double sum = cos_theta;
  for (std::uint64_t j = 1; 2 * j + 3 <= dof; ++j) {
    term *= c2 * static_cast<double>(2 * j) / static_cast<double>(2 * j + 1);
    sum += term;
  }
  return 2.0 / std::numbers::pi * (theta + std::sin(theta) * sum);
}

}  // namespace

double student_t_cdf(double t, std::uint64_t dof) {
  require_dof(dof);
  if (std::isnan(t)) throw std::invalid_argument("student_t_cdf: t is NaN");
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  const double mass = two_sided_mass(std::fabs(t), dof);
  return t >= 0 ? 0.5 + 0.5 * mass : 0.5 - 0.5 * mass;
}

double student_t_quantile(double p, std::uint64_t dof) {
  require_dof(dof);
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("student_t_quantile: p not in (0, 1)");
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, dof);
  const double target = 2.0 * p - 1.0;
  double lo = 0.0;
  double hi = 1.0;
  while (two_sided_mass(hi, dof) < target && hi < 1e300) {
    lo = hi;
    hi *= 2.0;
  }
  // Bisection until the interval cannot shrink: at most ~1100 halvings of a double interval.
  for (;;) {
    const double mid = lo + (hi - lo) / 2.0;
    if (mid <= lo || mid >= hi) break;
    (two_sided_mass(mid, dof) < target ? lo : hi) = mid;
  }
  return hi;
}

}  // namespace sliversim::sweep
