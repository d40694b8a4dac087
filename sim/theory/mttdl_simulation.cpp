// One replication is a kernel Simulator with per-piece failure and repair events
// (mttdl_simulation.hpp); the estimate is the mean over replications.
#include "sim/theory/mttdl_simulation.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/kernel/simulator.hpp"

namespace sliversim::theory {

namespace {

using kernel::Simulator;
using kernel::Ticks;

constexpr kernel::Phase kFailurePhase{0};
constexpr kernel::Phase kRepairPhase{1};

// The largest MTTDL, in scaled units, simulated: the kernel's range is 2^62 µs ≈ 4.6e12 units,
// so a replication 40 times longer than the mean still fits.
constexpr double kMaxMeanUnits = 1e11;

// c of the header: nλ plus the largest repair rate of a transient state.
double rate_unit(const MdsSystem& system) {
  const std::uint32_t last_transient = loss_state(system) - 1;
  return failure_rate_in_state(system, 0) +
         std::max(repair_rate_in_state(system, last_transient), repair_rate_in_state(system, 1));
}

class Replication {
 public:
  Replication(const MdsSystem& system, double unit, std::uint64_t seed, std::uint64_t replication)
      : system_(system),
        failure_mean_(unit / system.failure_rate),
        repair_mean_(system.repair_rate > 0.0 ? unit / system.repair_rate : 0.0),
        failures_(kernel::make_stream(seed, "theory/piece_failures", replication)),
        repairs_(kernel::make_stream(seed, "theory/repairs", replication)),
        sim_(seed) {}

  // Runs until data loss and returns its time in scaled units.
  double run() {
    for (std::uint32_t piece = 0; piece < system_.n; ++piece) schedule_failure(piece);
    sim_.run_until(Ticks::max());
    sim_.check(sim_.stopped() && sim_.now() < Ticks::max(),
               "MTTDL replication: data loss before the end of kernel time");
    return sim_.now().to_seconds();
  }

  std::uint64_t events() const { return sim_.executed_count(); }

 private:
  void schedule_failure(std::uint32_t piece) {
    const Ticks delay = Ticks::from_seconds(kernel::exponential(failures_, failure_mean_));
    sim_.schedule_in(delay, kFailurePhase, piece, [this, piece](Simulator&) { on_failure(piece); });
  }

  void schedule_repair(std::uint32_t piece) {
    const Ticks delay = Ticks::from_seconds(kernel::exponential(repairs_, repair_mean_));
    sim_.schedule_in(delay, kRepairPhase, piece, [this, piece](Simulator&) { on_repair(piece); });
  }

  void on_failure(std::uint32_t piece) {
    ++failed_;
    if (failed_ == loss_state(system_)) {
      sim_.stop();
      return;
    }
    if (system_.repair_rate == 0.0) return;  // never repaired
    if (system_.policy == RepairPolicy::kIndependent) {
      schedule_repair(piece);
      return;
    }
    waiting_.push_back(piece);
    if (!repairing_) start_next_repair();
  }

  void start_next_repair() {
    if (waiting_.empty()) return;
    const std::uint32_t piece = waiting_.front();
    waiting_.pop_front();
    repairing_ = true;
    schedule_repair(piece);
  }

  void on_repair(std::uint32_t piece) {
    --failed_;
    schedule_failure(piece);
    if (system_.policy == RepairPolicy::kOneAtATime) {
      repairing_ = false;
      start_next_repair();
    }
  }

  const MdsSystem& system_;
  double failure_mean_;
  double repair_mean_;
  kernel::Rng failures_;
  kernel::Rng repairs_;
  Simulator sim_;
  std::uint32_t failed_ = 0;
  std::deque<std::uint32_t> waiting_;  // failed pieces waiting for the single repair, in order
  bool repairing_ = false;
};

void require_valid(const MdsSystem& system) {
  const std::vector<std::string> problems = check_system(system);
  if (!problems.empty()) throw std::invalid_argument(problems.front());
}

}  // namespace

double simulate_time_to_loss(const MdsSystem& system, std::uint64_t seed, std::uint64_t replication,
                             std::uint64_t* events) {
  require_valid(system);
  const double unit = rate_unit(system);
  Replication run(system, unit, seed, replication);
  const double scaled = run.run();
  if (events != nullptr) *events += run.events();
  return scaled / unit;
}

MttdlSimulation simulate_mttdl(const MdsSystem& system, const SimulationOptions& options) {
  require_valid(system);
  if (options.replications < 2) {
    throw std::invalid_argument("replications: expected at least 2, got " +
                                std::to_string(options.replications));
  }
  const double expected = expected_transitions(system) * options.replications;
  if (!(expected <= options.max_expected_events)) {
    throw std::invalid_argument("expected at most " + std::to_string(options.max_expected_events) +
                                " simulated events, got an estimated " + std::to_string(expected) +
                                " (lower the repair/failure ratio or the replications)");
  }
  const double horizon_units = markov_mttdl(system) * rate_unit(system);
  if (!(horizon_units <= kMaxMeanUnits)) {
    throw std::invalid_argument("expected an MTTDL of at most " + std::to_string(kMaxMeanUnits) +
                                " mean sojourns, got " + std::to_string(horizon_units) +
                                " (beyond the kernel's time range)");
  }
  MttdlSimulation out;
  std::vector<double> times;
  times.reserve(options.replications);
  for (std::uint32_t r = 0; r < options.replications; ++r) {
    times.push_back(simulate_time_to_loss(system, options.seed, r, &out.events));
  }
  out.estimate = estimate_mean(times);
  return out;
}

}  // namespace sliversim::theory
