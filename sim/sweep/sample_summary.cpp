// Mean, sample standard deviation and Student's t confidence interval.
#include "sim/sweep/sample_summary.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/sweep/student_t.hpp"

namespace sliversim::sweep {
namespace {

// t(0.975, dof), remembering the last answer: the rows of one merge mostly share n.
double t975(std::size_t dof) {
  thread_local std::size_t cached_dof = 0;
  thread_local double cached = 0.0;
  if (dof != cached_dof) {
    cached = student_t_quantile(0.975, dof);
    cached_dof = dof;
  }
  return cached;
}

}  // namespace

SampleSummary summarize(const std::vector<double>& values) {
  if (values.empty()) throw std::invalid_argument("summarize: no values");
  SampleSummary s;
  s.n = values.size();
  double sum = 0.0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  s.ci95_low = s.mean;
  s.ci95_high = s.mean;
  if (s.n == 1) return s;
  double squares = 0.0;
  for (const double v : values) squares += (v - s.mean) * (v - s.mean);
  s.stdev = std::sqrt(squares / static_cast<double>(s.n - 1));
  const double half = t975(s.n - 1) * s.stdev / std::sqrt(static_cast<double>(s.n));
  s.ci95_low = s.mean - half;
  s.ci95_high = s.mean + half;
  return s;
}

}  // namespace sliversim::sweep
