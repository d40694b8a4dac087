// The mean time to data loss (MTTDL) of an (n, k) MDS code as a birth–death Markov chain, solved
// exactly. State i = number of failed pieces (0..n-k+1); every live piece fails at rate λ, so
// state i moves to i+1 at rate (n-i)λ; repairs move i to i-1 at rate μ_i, where μ_i = μ with one
// repair at a time (kOneAtATime: a single repair crew) or iμ when every failed piece is repaired
// independently (kIndependent). State n-k+1 (fewer than k pieces left) is absorbing: data loss.
// The mean absorption time from state 0 is the sum of the first-passage times D_i from i to i+1:
//   D_0 = 1 / (nλ),   D_i = (1 + μ_i D_{i-1}) / ((n-i)λ),   MTTDL = D_0 + ... + D_{n-k}.
// (condition on the first transition out of i). All terms are positive: no cancellation.
// Time is in the unit of the rates (e.g. rates per hour give hours).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sliversim::theory {

// How failed pieces are repaired.
enum class RepairPolicy : std::uint8_t {
  kOneAtATime,   // one repair at a time at rate μ, whatever the number of failed pieces
  kIndependent,  // each failed piece is repaired independently at rate μ (state i: iμ)
};

// "one-at-a-time" or "independent".
std::string policy_name(RepairPolicy policy);

// An (n, k) MDS code under exponential failures and repairs.
struct MdsSystem {
  std::uint32_t n = 0;        // pieces
  std::uint32_t k = 0;        // any k pieces recover the data
  double failure_rate = 0.0;  // λ: rate at which each live piece fails
  double repair_rate = 0.0;   // μ: rate of one repair
  RepairPolicy policy = RepairPolicy::kOneAtATime;
};

// Empty when the system is valid (1 <= k <= n <= 100000, λ > 0 finite, μ >= 0 finite);
// otherwise one "expected ..., got ..." line per problem.
std::vector<std::string> check_system(const MdsSystem& system);

// The absorbing state n - k + 1. REQUIRES: check_system(system) is empty.
std::uint32_t loss_state(const MdsSystem& system);

// The rate of a failure in state `failed`: (n - failed)λ. REQUIRES: failed <= n.
double failure_rate_in_state(const MdsSystem& system, std::uint32_t failed);

// The rate of a repair completing in state `failed`: 0 in state 0, else μ (kOneAtATime) or
// failed·μ (kIndependent).
double repair_rate_in_state(const MdsSystem& system, std::uint32_t failed);

// The exact mean time from state 0 (nothing failed) to data loss, in the unit of the rates.
// REQUIRES: check_system(system) is empty (checked: throws std::invalid_argument).
double markov_mttdl(const MdsSystem& system);

// The first-passage times D_0..D_{n-k} (D_i: mean time from i failed to i+1 failed); their sum is
// markov_mttdl. REQUIRES: as markov_mttdl.
std::vector<double> first_passage_times(const MdsSystem& system);

// The mean number of transitions (failures plus repairs) from state 0 to data loss, by the same
// recurrence on the embedded jump chain: N_0 = 1, N_i = (b_i + μ_i) / b_i + (μ_i / b_i) N_{i-1}
// with b_i = (n-i)λ. This is the expected event count of one simulated replication.
// REQUIRES: as markov_mttdl.
double expected_transitions(const MdsSystem& system);

}  // namespace sliversim::theory
