// The progress line: its text, throttling, clearing, and silence when disabled.
#include "sim/report/progress_line.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace sliversim::report {
namespace {

using kernel::Ticks;

model::WorldProgress at_day(std::int64_t day) {
  return {Ticks::days(day), Ticks::days(100), static_cast<std::uint32_t>(day / 10), 3'000'000};
}

}  // namespace

TEST_CASE("the progress text shows day, share, epoch, event rate and time left") {
  CHECK(format_progress(at_day(25), 2.0) ==
        "world: day 25.0 of 100 (25%), epoch 2, 1.50 M events/s, ETA 0:06");
  CHECK(format_progress(at_day(1), 3600.0).find("ETA 99:00:00") != std::string::npos);
}

TEST_CASE("the progress line rewrites in place at most ten times a second and clears at the end") {
  std::ostringstream out;
  double now = 0.0;
  ProgressLine line(out, true, [&now] { return now; });
  now = 1.0;
  line.on_progress(at_day(10));
  now = 1.05;
  line.on_progress(at_day(11));  // too soon: skipped
  now = 1.2;
  line.on_progress(at_day(12));
  line.finish();
  const std::string text = out.str();
  CHECK(text.find("day 10.0") != std::string::npos);
  CHECK(text.find("day 11.0") == std::string::npos);
  CHECK(text.find("day 12.0") != std::string::npos);
  CHECK(text.front() == '\r');
  CHECK(text.back() == '\r');
  CHECK(text.find('\n') == std::string::npos);
}

TEST_CASE("a disabled progress line writes nothing") {
  std::ostringstream out;
  ProgressLine line(out, false);
  line.on_progress(at_day(50));
  line.finish();
  CHECK(out.str().empty());
}

}  // namespace sliversim::report
