// The progress line of long runs on stderr: simulated time, epoch, events per second and the
// estimated time left, rewritten in place (carriage return) at most ten times a second and
// cleared at the end. The command enables it only when stderr is a terminal and --quiet is not
// given. Wall-clock time is read here, never in the model.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "sim/model/world.hpp"

namespace sliversim::report {

// The text of one progress line, e.g.
// "world: day 120.5 of 365 (33%), epoch 8, 1.52 M events/s, ETA 0:04" (no carriage return).
// elapsed_seconds is the wall time since the run began.
std::string format_progress(const model::WorldProgress& progress, double elapsed_seconds);

class ProgressLine : public model::WorldObserver {
 public:
  // A line on `out`; when `enabled` is false nothing is ever written. `clock` gives wall seconds
  // (steady_clock by default; tests pass their own).
  ProgressLine(std::ostream& out, bool enabled, std::function<double()> clock = {});

  // Rewrites the line when a tenth of a second has passed since the last rewrite.
  void on_progress(const model::WorldProgress& progress) override;
  // Clears the line (if anything was written).
  void finish();

 private:
  std::ostream& out_;
  bool enabled_;
  std::function<double()> clock_;
  double start_seconds_;
  double last_seconds_ = -1.0;
  std::size_t last_width_ = 0;
};

}  // namespace sliversim::report
