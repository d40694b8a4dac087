// The deterministic event queue: events run in (time, phase, sequence) order, where phase is a
// small integer fixing the order of classes of simultaneous events (e.g. churn before repairs
// before metrics) and sequence is the insertion counter, so ties never depend on anything but
// the order of schedule() calls. Cancelled events never run and never enter the digest.
// Payload is the caller's per-event data (a POD record, or a callable as in Simulator); the
// queue stores it in a slot table and the heap holds only 24-byte entries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/kernel/event_heap.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/kernel/ticks.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::kernel {

// The class of an event; smaller phases run first among events at the same time. Users define
// their own constants, e.g. `constexpr Phase kChurnPhase{10};`.
enum class Phase : std::uint8_t {};

// A handle to a scheduled event, for cancel() and is_pending(). A default EventId refers to
// nothing. Handles stay safe after their event ran or was cancelled (they then refer to nothing).
struct EventId {
  std::uint32_t slot = std::numeric_limits<std::uint32_t>::max();
  std::uint64_t seq = std::numeric_limits<std::uint64_t>::max();
  friend bool operator==(const EventId&, const EventId&) = default;
};

// What the queue knows about the event being executed.
struct EventInfo {
  Ticks time;
  Phase phase;
  std::uint64_t seq;  // insertion counter value, 0 for the first event ever scheduled
  std::uint64_t tag;  // the caller's 64-bit tag, folded into the digest
  EventId id;
};

template <class Payload>
class EventQueue {
 public:
  // The largest sequence number; schedule() aborts beyond it (2^56 events).
  static constexpr std::uint64_t kMaxSeq = (std::uint64_t{1} << 56) - 1;

  // An empty queue at time zero. diagnostic_seed is only printed when an invariant breaks.
  explicit EventQueue(std::optional<std::uint64_t> diagnostic_seed = {}) : seed_(diagnostic_seed) {}

  // Schedules payload to run at `at` in `phase`; tag is folded into the digest when it runs.
  // Returns its handle. Events at the current time run after the event now executing.
  // REQUIRES: at >= now() (checked; aborts).
  EventId schedule(Ticks at, Phase phase, std::uint64_t tag, Payload payload) {
    check_invariant(at >= now_, "event scheduled in the past", context());
    check_invariant(next_seq_ <= kMaxSeq, "event sequence numbers exhausted", context());
    const std::uint64_t seq = next_seq_++;
    const std::uint32_t slot = acquire_slot();
    Slot& s = slots_[slot];
    s.payload = std::move(payload);
    s.seq = seq;
    s.tag = tag;
    heap_.push(
        HeapEntry{at.count(), (std::uint64_t{static_cast<std::uint8_t>(phase)} << 56) | seq, slot});
    ++pending_;
    return EventId{slot, seq};
  }

  // Cancels a pending event: it will not run and does not enter the digest; its payload is
  // destroyed now. Returns true if it was pending, false if it already ran, was already
  // cancelled, or id refers to nothing.
  bool cancel(EventId id) {
    if (!is_pending(id)) return false;
    Slot& s = slots_[id.slot];
    s.seq |= kCancelledBit;
    s.payload = Payload{};
    --pending_;
    ++cancelled_;
    ++cancelled_in_heap_;
    if (cancelled_in_heap_ > kCompactMin && 2 * cancelled_in_heap_ > heap_.size()) compact();
    return true;
  }

  // True while the event has been scheduled and has neither run nor been cancelled.
  bool is_pending(EventId id) const {
    return id.slot < slots_.size() && slots_[id.slot].seq == id.seq;
  }

  // Runs the next pending event, if any: advances now() to its time, folds it into the digest,
  // then calls handler(const EventInfo&, Payload&). The handler may schedule and cancel events.
  // Returns false when nothing is pending.
  template <class Handler>
  bool step(Handler&& handler) {
    while (!heap_.empty()) {
      const HeapEntry top = heap_.top();
      heap_.pop();
      if (discard_if_cancelled(top)) continue;
      execute(top, handler);
      return true;
    }
    return false;
  }

  // Runs every pending event with time <= limit (including those the handlers schedule), in
  // order, then sets now() to limit. Returns how many ran. If limit < now(), runs nothing and
  // leaves now() unchanged. keep_going() is asked after each executed event; when it returns
  // false the run stops there and now() stays at that event's time.
  template <class Handler, class KeepGoing>
  std::uint64_t run_until(Ticks limit, Handler&& handler, KeepGoing&& keep_going) {
    std::uint64_t ran = 0;
    while (!heap_.empty() && heap_.top().time_us <= limit.count()) {
      const HeapEntry top = heap_.top();
      heap_.pop();
      if (discard_if_cancelled(top)) continue;
      execute(top, handler);
      ++ran;
      if (!keep_going()) return ran;
    }
    if (limit > now_) now_ = limit;
    return ran;
  }

  // run_until without an early stop.
  template <class Handler>
  std::uint64_t run_until(Ticks limit, Handler&& handler) {
    return run_until(limit, handler, [] { return true; });
  }

  // The time of the next pending event, or nullopt when none is pending.
  std::optional<Ticks> next_time() {
    while (!heap_.empty()) {
      const HeapEntry top = heap_.top();
      if (!(slots_[top.slot].seq & kCancelledBit)) return Ticks::microseconds(top.time_us);
      heap_.pop();
      discard_if_cancelled(top);
    }
    return std::nullopt;
  }

  // The current simulated time: the time of the event executing or last executed, or the limit
  // of the last run_until, whichever is later.
  Ticks now() const { return now_; }
  // Events executed, cancelled, scheduled in total, and pending now.
  std::uint64_t executed_count() const { return executed_; }
  std::uint64_t cancelled_count() const { return cancelled_; }
  std::uint64_t scheduled_count() const { return next_seq_; }
  std::uint64_t pending_count() const { return pending_; }
  // The running digest of executed events.
  const TraceDigest& digest() const { return digest_; }
  // digest().hex(): 32 lower-case hexadecimal digits.
  std::string digest_hex() const { return digest_.hex(); }
  // The simulation context printed by invariant failures.
  InvariantContext context() const { return InvariantContext{now_, executed_, seed_}; }

 private:
  static constexpr std::uint64_t kCancelledBit = std::uint64_t{1} << 63;
  static constexpr std::uint64_t kFree = std::numeric_limits<std::uint64_t>::max();
  static constexpr std::size_t kCompactMin = 1024;

  struct Slot {
    Payload payload{};
    std::uint64_t seq = kFree;  // the event's seq; | kCancelledBit once cancelled; kFree if free
    std::uint64_t tag = 0;
  };

  std::uint32_t acquire_slot() {
    if (!free_.empty()) {
      const std::uint32_t slot = free_.back();
      free_.pop_back();
      return slot;
    }
    check_invariant(slots_.size() < std::numeric_limits<std::uint32_t>::max(),
                    "more than 2^32 - 1 events pending", context());
    slots_.emplace_back();
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }

  void release_slot(std::uint32_t slot) {
    slots_[slot].seq = kFree;
    free_.push_back(slot);
  }

  // Frees the slot of a popped cancelled entry. Returns whether the entry was cancelled.
  bool discard_if_cancelled(const HeapEntry& entry) {
    if (!(slots_[entry.slot].seq & kCancelledBit)) return false;
    release_slot(entry.slot);
    --cancelled_in_heap_;
    return true;
  }

  template <class Handler>
  void execute(const HeapEntry& entry, Handler& handler) {
    // The next event's slot is a likely cache miss in large queues: start loading it now, while
    // this event runs.
#if defined(__GNUC__)
    if (!heap_.empty()) __builtin_prefetch(&slots_[heap_.top().slot]);
#endif
    Slot& s = slots_[entry.slot];
    Payload payload = std::move(s.payload);
    const EventInfo info{Ticks::microseconds(entry.time_us),
                         Phase{static_cast<std::uint8_t>(entry.key >> 56)}, s.seq, s.tag,
                         EventId{entry.slot, s.seq}};
    release_slot(entry.slot);
    now_ = info.time;
    ++executed_;
    --pending_;
    digest_.fold(entry.time_us, entry.key, info.tag);
    handler(info, payload);
  }

  // Drops cancelled entries from the heap in one O(n) pass.
  void compact() {
    heap_.remove_if([this](const HeapEntry& entry) { return discard_if_cancelled(entry); });
  }

  EventHeap heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;
  Ticks now_;
  std::uint64_t next_seq_ = 0;
  std::uint64_t executed_ = 0;
  std::uint64_t cancelled_ = 0;
  std::uint64_t pending_ = 0;
  std::uint64_t cancelled_in_heap_ = 0;
  TraceDigest digest_;
  std::optional<std::uint64_t> seed_;
};

}  // namespace sliversim::kernel
