// Simulated time: unit constructors, rounding and clamping, text form; invariant messages.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>

#include "sim/kernel/invariant.hpp"
#include "sim/kernel/ticks.hpp"

using sliversim::kernel::format_ticks;
using sliversim::kernel::Ticks;

TEST_CASE("named constructors count microseconds") {
  CHECK(Ticks::microseconds(7).count() == 7);
  CHECK(Ticks::milliseconds(3).count() == 3'000);
  CHECK(Ticks::seconds(2).count() == 2'000'000);
  CHECK(Ticks::minutes(1) == Ticks::seconds(60));
  CHECK(Ticks::hours(1) == Ticks::minutes(60));
  CHECK(Ticks::days(1) == Ticks::hours(24));
  CHECK(Ticks::days(365).count() == 31'536'000'000'000);
  CHECK(Ticks{}.count() == 0);
}

TEST_CASE("named constructors clamp to plus or minus 2^62 microseconds instead of overflowing") {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  CHECK(Ticks::days(kMax) == Ticks::max());
  CHECK(Ticks::days(-kMax).count() == -Ticks::kLimit);
  CHECK(Ticks::microseconds(kMax) == Ticks::max());
  CHECK(Ticks::max().count() == (std::int64_t{1} << 62) - 1);
  CHECK((Ticks::max() + Ticks::max()).count() == kMax - 1);
  CHECK((Ticks{} - Ticks::max() - Ticks::max()).count() == -kMax + 1);
  CHECK(Ticks::hours(2) * 3 == Ticks::hours(6));
  CHECK(Ticks::max() * 4 == Ticks::max());
}

TEST_CASE("from_seconds rounds to the nearest microsecond, halves away from zero") {
  CHECK(Ticks::from_seconds(1.0).count() == 1'000'000);
  CHECK(Ticks::from_seconds(0.0000015).count() == 2);
  CHECK(Ticks::from_seconds(-0.0000015).count() == -2);
  CHECK(Ticks::from_seconds(0.0000004).count() == 0);
  CHECK(Ticks::from_seconds(0.25e-6).count() == 0);
  CHECK(Ticks::from_hours(1.5) == Ticks::minutes(90));
  CHECK(Ticks::from_days(0.5) == Ticks::hours(12));
}

TEST_CASE("from_seconds clamps huge and infinite durations") {
  CHECK(Ticks::from_seconds(1e300) == Ticks::max());
  CHECK(Ticks::from_seconds(std::numeric_limits<double>::infinity()) == Ticks::max());
  CHECK(Ticks::from_seconds(-std::numeric_limits<double>::infinity()).count() == -Ticks::kLimit);
}

TEST_CASE("conversions back to real units and integer arithmetic") {
  const Ticks t = Ticks::days(2) + Ticks::hours(12);
  CHECK(t.to_days() == 2.5);
  CHECK(t.to_hours() == 60.0);
  CHECK(t.to_seconds() == 216000.0);
  CHECK(t / Ticks::days(1) == 2);
  CHECK(t % Ticks::days(1) == Ticks::hours(12));
  CHECK(t / 2 == Ticks::hours(30));
  CHECK(t - Ticks::days(3) == Ticks{} - Ticks::hours(12));
  Ticks u = t;
  u += Ticks::seconds(1);
  u -= Ticks::seconds(2);
  CHECK(u == t - Ticks::seconds(1));
  CHECK(Ticks::seconds(1) < Ticks::seconds(2));
}

TEST_CASE("format_ticks prints days and a zero-padded clock") {
  CHECK(format_ticks(Ticks{}) == "0d 00:00:00.000000");
  CHECK(format_ticks(Ticks::days(3) + Ticks::hours(4) + Ticks::minutes(5) + Ticks::seconds(6) +
                     Ticks::microseconds(7)) == "3d 04:05:06.000007");
  CHECK(format_ticks(Ticks{} - Ticks::seconds(90)) == "-0d 00:01:30.000000");
  CHECK(format_ticks(Ticks::days(365)) == "365d 00:00:00.000000");
}

TEST_CASE("an invariant message names the simulation time, event number and seed when known") {
  using sliversim::kernel::invariant_message;
  using sliversim::kernel::InvariantContext;
  CHECK(
      invariant_message("event scheduled in the past", InvariantContext{Ticks::hours(1), 12, 7}) ==
      "sliversim: invariant violated: event scheduled in the past "
      "(sim time 0d 01:00:00.000000, event #12, seed 7)");
  CHECK(invariant_message("x", InvariantContext{}) == "sliversim: invariant violated: x");
  CHECK(invariant_message("x", InvariantContext{std::nullopt, std::nullopt, 3}) ==
        "sliversim: invariant violated: x (seed 3)");
}
