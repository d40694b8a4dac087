// The simulator loop: an EventQueue whose payloads are callbacks, run in (time, phase, seq)
// order. Callbacks are InlineFunction (no heap allocation per event); each receives the
// Simulator and can schedule or cancel further events. Single-threaded by design.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/inline_function.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/kernel/ticks.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::kernel {

class Simulator;

// An event callback: any callable `void(Simulator&)` of at most 40 bytes (e.g. a lambda
// capturing five pointers or ids).
using EventCallback = InlineFunction<void(Simulator&), 40>;

class Simulator {
 public:
  // A simulator at time zero with nothing scheduled. seed is only printed when an invariant
  // breaks (the caller derives RNG streams from it separately).
  explicit Simulator(std::optional<std::uint64_t> diagnostic_seed = {}) : queue_(diagnostic_seed) {}

  // Schedules callback to run at `at` in `phase`, with tag folded into the digest. Returns its
  // handle. REQUIRES: at >= now() (checked; aborts).
  template <class F>
  EventId schedule_at(Ticks at, Phase phase, std::uint64_t tag, F&& callback) {
    return queue_.schedule(at, phase, tag, EventCallback(std::forward<F>(callback)));
  }

  // Schedules callback at now() + delay. REQUIRES: delay >= 0 (checked; aborts).
  template <class F>
  EventId schedule_in(Ticks delay, Phase phase, std::uint64_t tag, F&& callback) {
    return schedule_at(now() + delay, phase, tag, std::forward<F>(callback));
  }

  // Cancels a pending event. Returns true if it was pending (see EventQueue::cancel).
  bool cancel(EventId id) { return queue_.cancel(id); }
  // True while the event is scheduled and has neither run nor been cancelled.
  bool is_pending(EventId id) const { return queue_.is_pending(id); }

  // Runs the next pending event. Returns false when nothing is pending.
  bool step();
  // Runs all events with time <= limit, then sets now() to limit, unless stop() is called by a
  // callback: then it returns after that callback, now() at its time. Returns how many ran.
  // Clears a previous stop() request on entry.
  std::uint64_t run_until(Ticks limit);
  // Asks run_until to return after the current callback.
  void stop() { stop_requested_ = true; }
  // True when stop() was called during the last run_until.
  bool stopped() const { return stop_requested_; }

  // The event now executing (valid inside a callback; the last executed event afterwards).
  const EventInfo& current_event() const { return current_; }
  // The time of the next pending event, or nullopt.
  std::optional<Ticks> next_time() { return queue_.next_time(); }

  Ticks now() const { return queue_.now(); }
  std::uint64_t executed_count() const { return queue_.executed_count(); }
  std::uint64_t cancelled_count() const { return queue_.cancelled_count(); }
  std::uint64_t scheduled_count() const { return queue_.scheduled_count(); }
  std::uint64_t pending_count() const { return queue_.pending_count(); }
  const TraceDigest& digest() const { return queue_.digest(); }
  std::string digest_hex() const { return queue_.digest_hex(); }

  // Aborts with the simulation context (sim time, event number, seed) when condition is false.
  void check(bool condition, std::string_view what) const {
    if (!condition) [[unlikely]] {
      invariant_failure(what, queue_.context());
    }
  }

 private:
  EventQueue<EventCallback> queue_;
  EventInfo current_{};
  bool stop_requested_ = false;
};

}  // namespace sliversim::kernel
