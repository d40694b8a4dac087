// Monte-Carlo estimate of the MTTDL of an (n, k) MDS code (markov_mttdl.hpp) on the discrete-event
// kernel: every piece has its own exponential failure clock, failed pieces are repaired by the
// system's policy (one repair at a time in failure order, or each independently) with exponential
// repair times, and a replication ends when n - k + 1 pieces are failed at once. Each replication
// r draws from the named streams "theory/piece_failures" and "theory/repairs" with entity r, so a
// replication's outcome depends only on (system, seed, r).
// Time scaling: the kernel counts integer microseconds, so the model runs in units of 1/c with
// c = nλ + (largest repair rate of a transient state); every mean sojourn is then at least one
// unit (10^6 ticks) and rounding to a tick is negligible. Times are converted back on output.
#pragma once

#include <cstdint>

#include "sim/theory/markov_mttdl.hpp"
#include "sim/theory/mean_estimate.hpp"

namespace sliversim::theory {

// How simulate_mttdl runs.
struct SimulationOptions {
  std::uint32_t replications = 10000;  // R >= 2
  std::uint64_t seed = 1;
  // Refuse (before running) when R · expected_transitions(system) exceeds this.
  double max_expected_events = 1e9;
};

// What simulate_mttdl measured.
struct MttdlSimulation {
  MeanEstimate estimate;     // of the time to data loss, in the unit of the rates
  std::uint64_t events = 0;  // kernel events executed over all replications
};

// The time to data loss of replication `replication`, in the unit of the rates; *events (if not
// null) grows by the kernel events it executed. REQUIRES: check_system(system) is empty (checked:
// throws std::invalid_argument).
double simulate_time_to_loss(const MdsSystem& system, std::uint64_t seed, std::uint64_t replication,
                             std::uint64_t* events = nullptr);

// Replications 0..R-1 and their mean with its 95 % confidence interval. Throws
// std::invalid_argument when the system is invalid, R < 2, the expected event count exceeds
// options.max_expected_events (the message gives the estimate), or the MTTDL exceeds 1e11 mean
// sojourns (a replication could then overrun the kernel's time range).
MttdlSimulation simulate_mttdl(const MdsSystem& system, const SimulationOptions& options);

}  // namespace sliversim::theory
