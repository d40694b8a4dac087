// ProgressLine: a throttled, in-place progress display.
#include "sim/report/progress_line.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace sliversim::report {
namespace {

constexpr double kRefreshSeconds = 0.1;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string format_duration(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
  if (total >= 3600)
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

std::string format_progress(const model::WorldProgress& progress, double elapsed_seconds) {
  const double done = progress.horizon.count() > 0
                          ? progress.now.to_seconds() / progress.horizon.to_seconds()
                          : 1.0;
  const double rate =
      elapsed_seconds > 0.0 ? static_cast<double>(progress.kernel_events) / elapsed_seconds : 0.0;
  const std::string eta =
      done > 0.0 ? format_duration(elapsed_seconds * (1.0 - done) / done) : std::string("?");
  return fmt::format("world: day {:.1f} of {:g} ({:.0f}%), epoch {}, {:.2f} M events/s, ETA {}",
                     progress.now.to_days(), progress.horizon.to_days(), 100.0 * done,
                     progress.epoch, rate / 1e6, eta);
}

std::string format_scheme_progress(std::span<const SchemeLine> schemes, double elapsed_seconds) {
  std::string text = "schemes:";
  bool first = true;
  for (const SchemeLine& s : schemes) {
    if (s.name.empty()) continue;
    text += first ? " " : "; ";
    first = false;
    if (s.done) {
      text += fmt::format("{} done", s.name);
    } else {
      const double share = s.days > 0.0 ? 100.0 * s.day / s.days : 100.0;
      text += fmt::format("{} day {:.1f} of {:g} ({:.0f}%), {} events", s.name, s.day, s.days,
                          share, s.events);
    }
  }
  return text + fmt::format("; {} elapsed", format_duration(elapsed_seconds));
}

ProgressLine::ProgressLine(std::ostream& out, bool enabled, std::function<double()> clock)
    : out_(out),
      enabled_(enabled),
      clock_(clock ? std::move(clock) : std::function<double()>(steady_seconds)),
      start_seconds_(clock_()) {}

void ProgressLine::on_progress(const model::WorldProgress& progress) {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  const double now = clock_();
  if (last_seconds_ >= 0.0 && now - last_seconds_ < kRefreshSeconds) return;
  show(format_progress(progress, now - start_seconds_), now);
}

void ProgressLine::on_scheme_progress(const schemes::SchemeProgress& progress) {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (schemes_.size() <= progress.scheme) schemes_.resize(progress.scheme + 1);
  schemes_[progress.scheme] = {std::string(progress.name), progress.now.to_days(),
                               progress.horizon.to_days(), progress.kernel_events, progress.done};
  const double now = clock_();
  if (last_seconds_ >= 0.0 && now - last_seconds_ < kRefreshSeconds) return;
  show(format_scheme_progress(schemes_, now - start_seconds_), now);
}

void ProgressLine::show(std::string text, double now) {
  last_seconds_ = now;
  const std::size_t width = text.size();
  if (width < last_width_) text.append(last_width_ - width, ' ');
  last_width_ = width;
  out_ << '\r' << text << std::flush;
}

void ProgressLine::finish() {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (last_seconds_ < 0.0) return;
  out_ << '\r' << std::string(last_width_, ' ') << '\r' << std::flush;
  last_seconds_ = -1.0;
  last_width_ = 0;
}

}  // namespace sliversim::report
