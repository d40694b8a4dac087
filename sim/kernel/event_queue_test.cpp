// The event queue: (time, phase, seq) order, cancellation, run_until boundaries, the digest.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"

namespace k = sliversim::kernel;
using k::EventId;
using k::EventInfo;
using k::Phase;
using k::Ticks;

namespace {

using Queue = k::EventQueue<int>;

// Runs everything and returns the payloads in execution order.
std::vector<int> drain(Queue& q) {
  std::vector<int> order;
  while (q.step([&order](const EventInfo&, int& payload) { order.push_back(payload); })) {
  }
  return order;
}

Ticks us(std::int64_t n) { return Ticks::microseconds(n); }

}  // namespace

TEST_CASE("events run by time, then phase, then insertion order") {
  Queue q;
  q.schedule(us(20), Phase{0}, 0, 1);
  q.schedule(us(10), Phase{2}, 0, 2);
  q.schedule(us(10), Phase{1}, 0, 3);
  q.schedule(us(10), Phase{1}, 0, 4);
  q.schedule(us(10), Phase{0}, 0, 5);
  q.schedule(us(5), Phase{9}, 0, 6);
  CHECK(drain(q) == std::vector<int>{6, 5, 3, 4, 2, 1});
  CHECK(q.now() == us(20));
}

TEST_CASE("a random mix of 20000 events runs in exactly (time, phase, seq) order") {
  k::Rng rng = k::make_stream(1, "event_queue_test.order");
  Queue q;
  std::vector<std::tuple<std::int64_t, int, int>> expected;  // (time, phase, seq)
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t t = k::uniform_int(rng, 0, 300);
    const int phase = static_cast<int>(k::uniform_int(rng, 0, 3));
    q.schedule(us(t), Phase{static_cast<std::uint8_t>(phase)}, 0, i);
    expected.emplace_back(t, phase, i);
  }
  std::sort(expected.begin(), expected.end());
  const std::vector<int> order = drain(q);
  REQUIRE(order.size() == expected.size());
  for (std::size_t i = 0; i < order.size(); ++i) REQUIRE(order[i] == std::get<2>(expected[i]));
}

TEST_CASE(
    "an event scheduled for the current time runs after the one executing, whatever its phase") {
  Queue q;
  std::vector<int> order;
  q.schedule(us(10), Phase{5}, 0, 1);
  q.schedule(us(10), Phase{6}, 0, 2);
  while (q.step([&](const EventInfo& info, int& payload) {
    order.push_back(payload);
    if (payload == 1) q.schedule(info.time, Phase{0}, 0, 3);
  })) {
  }
  CHECK(order == std::vector<int>{1, 3, 2});
}

TEST_CASE("the handler sees the event's time, phase, sequence number, tag and id") {
  Queue q;
  q.schedule(us(1), Phase{0}, 11, 0);
  const EventId id = q.schedule(us(7), Phase{3}, 99, 0);
  REQUIRE(q.step([](const EventInfo&, int&) {}));
  EventInfo seen{};
  REQUIRE(q.step([&seen](const EventInfo& info, int&) { seen = info; }));
  CHECK(seen.time == us(7));
  CHECK(seen.phase == Phase{3});
  CHECK(seen.seq == 1);
  CHECK(seen.tag == 99);
  CHECK(seen.id == id);
  CHECK_FALSE(q.step([](const EventInfo&, int&) {}));
}

TEST_CASE("cancelled events never run and cancel reports whether the event was pending") {
  Queue q;
  const EventId a = q.schedule(us(1), Phase{0}, 0, 1);
  const EventId b = q.schedule(us(2), Phase{0}, 0, 2);
  const EventId c = q.schedule(us(3), Phase{0}, 0, 3);
  CHECK(q.is_pending(b));
  CHECK(q.cancel(b));
  CHECK_FALSE(q.is_pending(b));
  CHECK_FALSE(q.cancel(b));
  CHECK_FALSE(q.cancel(EventId{}));
  CHECK(q.pending_count() == 2);
  CHECK(drain(q) == std::vector<int>{1, 3});
  CHECK_FALSE(q.cancel(a));
  CHECK_FALSE(q.cancel(c));
  CHECK(q.executed_count() == 2);
  CHECK(q.cancelled_count() == 1);
  CHECK(q.scheduled_count() == 3);
  CHECK(q.pending_count() == 0);
}

TEST_CASE("a stale handle does not cancel the event that reused its slot") {
  Queue q;
  const EventId old_id = q.schedule(us(1), Phase{0}, 0, 1);
  CHECK(drain(q) == std::vector<int>{1});
  const EventId new_id = q.schedule(us(2), Phase{0}, 0, 2);
  CHECK(new_id.slot == old_id.slot);
  CHECK_FALSE(q.cancel(old_id));
  CHECK(q.is_pending(new_id));
  CHECK(drain(q) == std::vector<int>{2});
}

TEST_CASE("cancelling most of a large queue compacts it and keeps the order of the rest") {
  Queue q;
  std::vector<EventId> ids;
  for (int i = 0; i < 10000; ++i) ids.push_back(q.schedule(us(10000 - i), Phase{0}, 0, i));
  for (int i = 0; i < 10000; ++i) {
    if (i % 10 != 0) REQUIRE(q.cancel(ids[static_cast<std::size_t>(i)]));
  }
  CHECK(q.pending_count() == 1000);
  std::vector<int> expected;
  for (int i = 9990; i >= 0; i -= 10) expected.push_back(i);
  CHECK(drain(q) == expected);
  CHECK(q.cancelled_count() == 9000);
}

TEST_CASE("run_until runs events at the limit, not after it, and then sets now to the limit") {
  Queue q;
  std::vector<int> order;
  auto record = [&order](const EventInfo&, int& payload) { order.push_back(payload); };
  q.schedule(us(10), Phase{0}, 0, 10);
  q.schedule(us(20), Phase{0}, 0, 20);
  q.schedule(us(21), Phase{0}, 0, 21);
  CHECK(q.run_until(us(20), record) == 2);
  CHECK(order == std::vector<int>{10, 20});
  CHECK(q.now() == us(20));
  CHECK(q.run_until(us(20), record) == 0);
  CHECK(q.run_until(us(20) + us(0), record) == 0);
  CHECK(q.next_time() == us(21));
  CHECK(q.run_until(us(15), record) == 0);
  CHECK(q.now() == us(20));
  CHECK(q.run_until(us(100), record) == 1);
  CHECK(q.now() == us(100));
  CHECK_FALSE(q.next_time().has_value());
}

TEST_CASE("run_until also runs events that handlers schedule inside the window") {
  Queue q;
  int runs = 0;
  q.schedule(us(0), Phase{0}, 0, 0);
  const auto ran = q.run_until(us(50), [&](const EventInfo& info, int&) {
    ++runs;
    q.schedule(info.time + us(10), Phase{0}, 0, 0);
  });
  CHECK(ran == 6);
  CHECK(runs == 6);
  CHECK(q.pending_count() == 1);
  CHECK(q.next_time() == us(60));
}

TEST_CASE("run_until stops after the event where keep_going turns false") {
  Queue q;
  for (int i = 1; i <= 5; ++i) q.schedule(us(i), Phase{0}, 0, i);
  int last = 0;
  const auto ran = q.run_until(
      us(10), [&last](const EventInfo&, int& payload) { last = payload; },
      [&last] { return last < 3; });
  CHECK(ran == 3);
  CHECK(q.now() == us(3));
  CHECK(q.pending_count() == 2);
}

TEST_CASE("next_time skips cancelled events at the head") {
  Queue q;
  const EventId a = q.schedule(us(1), Phase{0}, 0, 1);
  q.schedule(us(2), Phase{0}, 0, 2);
  q.cancel(a);
  CHECK(q.next_time() == us(2));
}

TEST_CASE(
    "the digest folds exactly the executed events' (time, phase, seq, tag), not cancelled ones") {
  Queue q;
  q.schedule(us(5), Phase{1}, 100, 0);
  const EventId gone = q.schedule(us(6), Phase{0}, 200, 0);
  q.schedule(us(7), Phase{2}, 300, 0);
  q.cancel(gone);
  drain(q);
  k::TraceDigest want;
  want.fold(5, (std::uint64_t{1} << 56) | 0, 100);
  want.fold(7, (std::uint64_t{2} << 56) | 2, 300);
  CHECK(q.digest() == want);
  CHECK(q.digest().events() == 2);
  CHECK(q.digest_hex() == want.hex());
}

TEST_CASE("the digest has pinned values, so it stays the same on every platform") {
  CHECK(k::TraceDigest{}.hex() == "13198a2e03707344243f6a8885a308d3");
  k::TraceDigest d;
  d.fold(0, 0, 1);
  d.fold(1000000, (std::uint64_t{1} << 56) | 1, 2);
  d.fold(1000000, (std::uint64_t{2} << 56) | 2, 3);
  d.fold(-5, 3, ~std::uint64_t{0});
  CHECK(d.hex() == "1b4eb75897158510c305aa003b0eeab6");
}

namespace {

// A run of 300 events whose (time, phase, tag) can be perturbed at one index.
std::string digest_of_run(int perturb_index, int what) {
  Queue q;
  for (int i = 0; i < 300; ++i) {
    std::int64_t t = (i * 7919) % 1000;
    auto phase = static_cast<std::uint8_t>(i % 3);
    std::uint64_t tag = static_cast<std::uint64_t>(i) * 31;
    if (i == perturb_index) {
      if (what == 0) t += 1;
      if (what == 1) phase = static_cast<std::uint8_t>(phase + 1);
      if (what == 2) tag += 1;
    }
    q.schedule(us(t), Phase{phase}, tag, i);
  }
  drain(q);
  return q.digest_hex();
}

}  // namespace

TEST_CASE("the digest is equal for identical runs and changes when any executed event differs") {
  const std::string base = digest_of_run(-1, 0);
  CHECK(digest_of_run(-1, 0) == base);
  for (int index : {0, 150, 299}) {
    for (int what = 0; what < 3; ++what) {
      CAPTURE(index);
      CAPTURE(what);
      CHECK(digest_of_run(index, what) != base);
    }
  }
}

TEST_CASE("the digest depends on the order of events") {
  k::TraceDigest ab;
  ab.fold(1, 0, 1);
  ab.fold(1, 1, 2);
  k::TraceDigest ba;
  ba.fold(1, 1, 2);
  ba.fold(1, 0, 1);
  CHECK(ab != ba);
}
