// Student's t quantile and the sample mean's confidence interval (mean_estimate.hpp).
#include "sim/theory/mean_estimate.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace sliversim::theory {

namespace {

// t(0.975, dof) for dof = 1..29.
constexpr std::array<double, 29> kTable = {
    12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581837, 2.446911849,
    2.364624251,  2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
    2.160368656,  2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
    2.093024054,  2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
    2.059538553,  2.055529439, 2.051830516, 2.048407142, 2.045229642};

// The standard normal 0.975 quantile.
constexpr double kZ = 1.959963984540054;

double cornish_fisher(double dof) {
  const double z = kZ;
  const double z2 = z * z;
  const double z3 = z2 * z;
  const double z5 = z3 * z2;
  const double z7 = z5 * z2;
  const double z9 = z7 * z2;
  const double g1 = (z3 + z) / 4.0;
  const double g2 = (5.0 * z5 + 16.0 * z3 + 3.0 * z) / 96.0;
  const double g3 = (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / 384.0;
  const double g4 = (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / 92160.0;
  return z + g1 / dof + g2 / (dof * dof) + g3 / (dof * dof * dof) + g4 / (dof * dof * dof * dof);
}

}  // namespace

double student_t_975(std::uint64_t dof) {
  if (dof == 0) throw std::invalid_argument("expected at least 1 degree of freedom, got 0");
  if (dof <= kTable.size()) return kTable[dof - 1];
  return cornish_fisher(static_cast<double>(dof));
}

MeanEstimate estimate_mean(std::span<const double> samples) {
  if (samples.size() < 2) {
    throw std::invalid_argument("expected at least 2 samples for a confidence interval, got " +
                                std::to_string(samples.size()));
  }
  MeanEstimate e;
  e.count = samples.size();
  const double r = static_cast<double>(samples.size());
  double sum = 0.0;
  for (const double x : samples) sum += x;
  e.mean = sum / r;
  double squares = 0.0;
  for (const double x : samples) squares += (x - e.mean) * (x - e.mean);
  e.stdev = std::sqrt(squares / (r - 1.0));
  const double half = student_t_975(e.count - 1) * e.stdev / std::sqrt(r);
  e.ci95_low = e.mean - half;
  e.ci95_high = e.mean + half;
  return e;
}

}  // namespace sliversim::theory
