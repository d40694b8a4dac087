// Mean, sample standard deviation and the 95 % interval against values computed independently
// (mpmath, 30 digits).
#include "sim/sweep/sample_summary.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

namespace sliversim::sweep {
namespace {

TEST_CASE("summary of 1, 2, 3, 4: sample stdev and t(0.975, 3) interval") {
  const SampleSummary s = summarize({1, 2, 3, 4});
  CHECK(s.n == 4);
  CHECK(s.mean == 2.5);
  CHECK(s.stdev == doctest::Approx(1.29099444873580562839).epsilon(1e-14));
  CHECK(s.ci95_low == doctest::Approx(0.44573974323947797373).epsilon(1e-12));
  CHECK(s.ci95_high == doctest::Approx(4.55426025676052202627).epsilon(1e-12));
}

TEST_CASE("summary of two values uses t(0.975, 1) = 12.706") {
  const SampleSummary s = summarize({10, 20});
  CHECK(s.mean == 15.0);
  CHECK(s.stdev == doctest::Approx(7.07106781186547524401).epsilon(1e-14));
  CHECK(s.ci95_low == doctest::Approx(-48.531023680873523230).epsilon(1e-12));
  CHECK(s.ci95_high == doctest::Approx(78.531023680873523230).epsilon(1e-12));
}

TEST_CASE("summary of five fractional values") {
  const SampleSummary s = summarize({3.5, 1.25, 8, 2, 6.75});
  CHECK(s.mean == doctest::Approx(4.3).epsilon(1e-15));
  CHECK(s.stdev == doctest::Approx(2.9548688634184766474).epsilon(1e-14));
  CHECK(s.ci95_low == doctest::Approx(0.63104571288000074325).epsilon(1e-12));
  CHECK(s.ci95_high == doctest::Approx(7.9689542871199992567).epsilon(1e-12));
}

TEST_CASE("one value: stdev 0 and the interval collapses to the mean") {
  const SampleSummary s = summarize({42.5});
  CHECK(s.n == 1);
  CHECK(s.mean == 42.5);
  CHECK(s.stdev == 0.0);
  CHECK(s.ci95_low == 42.5);
  CHECK(s.ci95_high == 42.5);
}

TEST_CASE("equal values: stdev 0 and a zero-width interval") {
  const SampleSummary s = summarize({7, 7, 7});
  CHECK(s.stdev == 0.0);
  CHECK(s.ci95_low == 7.0);
  CHECK(s.ci95_high == 7.0);
}

TEST_CASE("no values is a programming error") {
  CHECK_THROWS_AS(summarize({}), std::invalid_argument);
}

}  // namespace
}  // namespace sliversim::sweep
