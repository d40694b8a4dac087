// The progress line: its world and scheme texts, throttling, clearing, and silence when disabled.
#include "sim/report/progress_line.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

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

TEST_CASE("the schemes' progress text shows each scheme heard of, its day and events") {
  const std::vector<SchemeLine> lines{{"redstuff", 120.5, 364.0, 4512, false},
                                      {"", 0.0, 0.0, 0, false},
                                      {"rs_rebuild", 364.0, 364.0, 11408, true}};
  CHECK(format_scheme_progress(lines, 42.0) ==
        "schemes: redstuff day 120.5 of 364 (33%), 4512 events; rs_rebuild done; 0:42 elapsed");
}

TEST_CASE("scheme progress from the replay threads rewrites the same line, cleared at the end") {
  std::ostringstream out;
  double now = 0.0;
  ProgressLine line(out, true, [&now] { return now; });
  now = 1.0;
  line.on_progress(at_day(100));
  line.finish();
  now = 2.0;
  line.on_scheme_progress({0, "redstuff", Ticks::days(10), Ticks::days(100), 7, false});
  now = 2.5;
  line.on_scheme_progress({1, "msr_bound", Ticks::days(100), Ticks::days(100), 9, true});
  line.finish();
  const std::string text = out.str();
  CHECK(text.find("schemes: redstuff day 10.0 of 100 (10%), 7 events") != std::string::npos);
  CHECK(text.find("redstuff day 10.0 of 100 (10%), 7 events; msr_bound done;") !=
        std::string::npos);
  CHECK(text.back() == '\r');
  CHECK(text.find('\n') == std::string::npos);
}

TEST_CASE("a disabled progress line writes nothing") {
  std::ostringstream out;
  ProgressLine line(out, false);
  line.on_progress(at_day(50));
  line.on_scheme_progress({0, "redstuff", Ticks::days(1), Ticks::days(2), 1, false});
  line.finish();
  CHECK(out.str().empty());
}

}  // namespace sliversim::report
