// The progress line of long runs on stderr: while the world runs, simulated time, epoch, events
// per second and the estimated time left; while the schemes replay it, each scheme's simulated
// day and events. Rewritten in place (carriage return) at most ten times a second and cleared at
// the end. The command enables it when stderr is a terminal or --progress is given, never with
// --quiet. Wall-clock time is read here, never in the model.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "sim/model/world.hpp"
#include "sim/schemes/driver.hpp"

namespace sliversim::report {

// The text of one progress line, e.g.
// "world: day 120.5 of 365 (33%), epoch 8, 1.52 M events/s, ETA 0:04" (no carriage return).
// elapsed_seconds is the wall time since the run began.
std::string format_progress(const model::WorldProgress& progress, double elapsed_seconds);

// One scheme's part of the line.
struct SchemeLine {
  std::string name;
  double day = 0.0;
  double days = 0.0;
  std::uint64_t events = 0;
  bool done = false;
};

// The text of the schemes' progress line, e.g. "schemes: redstuff day 120.5 of 364 (33%),
// 4512 events; rs_rebuild done; 0:42 elapsed" (no carriage return).
std::string format_scheme_progress(std::span<const SchemeLine> schemes, double elapsed_seconds);

class ProgressLine : public model::WorldObserver, public schemes::SchemeObserver {
 public:
  // A line on `out`; when `enabled` is false nothing is ever written. `clock` gives wall seconds
  // (steady_clock by default; tests pass their own).
  ProgressLine(std::ostream& out, bool enabled, std::function<double()> clock = {});

  // Rewrites the line when a tenth of a second has passed since the last rewrite.
  void on_progress(const model::WorldProgress& progress) override;
  // The same for the schemes' replays; safe to call from several threads.
  void on_scheme_progress(const schemes::SchemeProgress& progress) override;
  // Clears the line (if anything was written).
  void finish();

 private:
  // Writes `text` over the line when due. REQUIRES: mutex_ held.
  void show(std::string text, double now);

  std::mutex mutex_;
  std::vector<SchemeLine> schemes_;  // by scheme index; empty name: not heard of yet
  std::ostream& out_;
  bool enabled_;
  std::function<double()> clock_;
  double start_seconds_;
  double last_seconds_ = -1.0;
  std::size_t last_width_ = 0;
};

}  // namespace sliversim::report
