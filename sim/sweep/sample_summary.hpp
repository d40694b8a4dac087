// The statistics of one metric across a sweep's seeds: mean, sample standard deviation and a 95 %
// confidence interval of the mean from Student's t with n - 1 degrees of freedom.
#pragma once

#include <cstddef>
#include <vector>

namespace sliversim::sweep {

// What summarize returns.
struct SampleSummary {
  std::size_t n = 0;
  double mean = 0.0;
  double stdev = 0.0;      // sample standard deviation (divisor n - 1); 0 when n = 1
  double ci95_low = 0.0;   // mean - t(0.975, n - 1) * stdev / sqrt(n); the mean when n = 1
  double ci95_high = 0.0;  // mean + the same
};

// The summary of `values`, summed in the given order (Determinism: the caller passes them in
// seed order, so sharded and whole sweeps give the same doubles). The mean is sum / n; the
// variance sums squared deviations from that mean (two passes).
// REQUIRES: values is not empty; every value is finite; values.size() - 1 <= kMaxStudentDof.
SampleSummary summarize(const std::vector<double>& values);

}  // namespace sliversim::sweep
