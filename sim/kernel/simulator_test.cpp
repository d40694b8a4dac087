// The simulator loop: callbacks that schedule and cancel, stop(), and run-to-run determinism.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/kernel/simulator.hpp"

namespace k = sliversim::kernel;
using k::EventId;
using k::Phase;
using k::Simulator;
using k::Ticks;

namespace {
constexpr Phase kChurn{0};
constexpr Phase kRepair{1};
constexpr Phase kMetrics{2};
}  // namespace

TEST_CASE("callbacks run in phase order at equal times and can schedule further events") {
  Simulator sim;
  std::vector<std::string> log;
  sim.schedule_at(Ticks::hours(1), kMetrics, 0, [&log](Simulator&) { log.push_back("metrics"); });
  sim.schedule_at(Ticks::hours(1), kRepair, 0, [&log](Simulator&) { log.push_back("repair"); });
  sim.schedule_at(Ticks::hours(1), kChurn, 0, [&log](Simulator& s) {
    log.push_back("churn");
    s.schedule_in(Ticks::minutes(5), kRepair, 0, [&log](Simulator& s2) {
      log.push_back("late repair at " + k::format_ticks(s2.now()));
    });
  });
  CHECK(sim.run_until(Ticks::days(1)) == 4);
  CHECK(log == std::vector<std::string>{"churn", "repair", "metrics",
                                        "late repair at 0d 01:05:00.000000"});
  CHECK(sim.now() == Ticks::days(1));
  CHECK(sim.executed_count() == 4);
}

TEST_CASE("current_event describes the event being executed") {
  Simulator sim;
  std::uint64_t seen_tag = 0;
  Phase seen_phase{};
  sim.schedule_at(Ticks::seconds(3), kRepair, 77, [&](Simulator& s) {
    seen_tag = s.current_event().tag;
    seen_phase = s.current_event().phase;
  });
  CHECK(sim.step());
  CHECK(seen_tag == 77);
  CHECK(seen_phase == kRepair);
  CHECK_FALSE(sim.step());
}

TEST_CASE("a callback can cancel another pending event") {
  Simulator sim;
  bool timeout_fired = false;
  const EventId timeout =
      sim.schedule_at(Ticks::seconds(10), kRepair, 1, [&](Simulator&) { timeout_fired = true; });
  sim.schedule_at(Ticks::seconds(5), kChurn, 2, [timeout](Simulator& s) { s.cancel(timeout); });
  sim.run_until(Ticks::seconds(60));
  CHECK_FALSE(timeout_fired);
  CHECK(sim.cancelled_count() == 1);
  CHECK(sim.executed_count() == 1);
}

TEST_CASE("cancelling destroys the callback's captures at once; running destroys them after") {
  Simulator sim;
  auto token = std::make_shared<int>(5);
  const EventId id = sim.schedule_at(Ticks::seconds(1), kChurn, 0, [token](Simulator&) {});
  sim.schedule_at(Ticks::seconds(2), kChurn, 0, [token](Simulator&) {});
  CHECK(token.use_count() == 3);
  sim.cancel(id);
  CHECK(token.use_count() == 2);
  sim.run_until(Ticks::seconds(5));
  CHECK(token.use_count() == 1);
}

TEST_CASE("stop() ends run_until after the current callback, leaving now at its time") {
  Simulator sim;
  int count = 0;
  for (int i = 1; i <= 10; ++i) {
    sim.schedule_at(Ticks::seconds(i), kChurn, 0, [&count](Simulator& s) {
      if (++count == 4) s.stop();
    });
  }
  CHECK(sim.run_until(Ticks::seconds(100)) == 4);
  CHECK(sim.stopped());
  CHECK(sim.now() == Ticks::seconds(4));
  CHECK(sim.run_until(Ticks::seconds(100)) == 6);
  CHECK_FALSE(sim.stopped());
  CHECK(sim.now() == Ticks::seconds(100));
}

namespace {

// A small churn-like process: each of 50 entities fails after an exponential lifetime, is
// repaired after a Weibull delay, and fails again; returns the digest after a simulated year.
std::string run_process(std::uint64_t seed) {
  Simulator sim(seed);
  k::RngStreams streams(seed);
  std::vector<k::Rng> lifetimes;
  for (std::uint64_t e = 0; e < 50; ++e) lifetimes.push_back(streams.stream("lifetime", e));
  k::Rng repairs = streams.stream("repair");
  struct Process {
    Simulator* sim;
    std::vector<k::Rng>* lifetimes;
    k::Rng* repairs;
    void fail_later(std::uint64_t e) {
      const Ticks life = Ticks::from_days(k::exponential((*lifetimes)[e], 30.0));
      sim->schedule_in(life, kChurn, e, [this, e](Simulator& s) {
        const Ticks delay = Ticks::from_hours(k::weibull(*repairs, 1.5, 6.0));
        s.schedule_in(delay, kRepair, e, [this, e](Simulator&) { fail_later(e); });
      });
    }
  } process{&sim, &lifetimes, &repairs};
  for (std::uint64_t e = 0; e < 50; ++e) process.fail_later(e);
  sim.run_until(Ticks::days(365));
  return sim.digest_hex() + "/" + std::to_string(sim.executed_count());
}

}  // namespace

TEST_CASE("the same seed gives the same digest; another seed gives another") {
  const std::string a = run_process(7);
  CHECK(a == run_process(7));
  CHECK(a != run_process(8));
}
