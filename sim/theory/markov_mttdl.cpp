// The birth–death recurrences of markov_mttdl.hpp.
#include "sim/theory/markov_mttdl.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace sliversim::theory {

namespace {

constexpr std::uint32_t kMaxPieces = 100000;

std::string number_text(double value) {
  std::ostringstream os;
  os.precision(17);
  os << value;
  return os.str();
}

void require_valid(const MdsSystem& system) {
  const std::vector<std::string> problems = check_system(system);
  if (!problems.empty()) throw std::invalid_argument(problems.front());
}

}  // namespace

std::string policy_name(RepairPolicy policy) {
  return policy == RepairPolicy::kOneAtATime ? "one-at-a-time" : "independent";
}

std::vector<std::string> check_system(const MdsSystem& system) {
  std::vector<std::string> problems;
  if (system.n < 1 || system.n > kMaxPieces) {
    problems.push_back("n: expected 1 to " + std::to_string(kMaxPieces) + " pieces, got " +
                       std::to_string(system.n));
  }
  if (system.k < 1 || system.k > system.n) {
    problems.push_back("k: expected 1 <= k <= n = " + std::to_string(system.n) + ", got " +
                       std::to_string(system.k));
  }
  if (!(system.failure_rate > 0.0) || !std::isfinite(system.failure_rate)) {
    problems.push_back("failure rate: expected a finite number > 0, got " +
                       number_text(system.failure_rate));
  }
  if (!(system.repair_rate >= 0.0) || !std::isfinite(system.repair_rate)) {
    problems.push_back("repair rate: expected a finite number >= 0, got " +
                       number_text(system.repair_rate));
  }
  return problems;
}

std::uint32_t loss_state(const MdsSystem& system) { return system.n - system.k + 1; }

double failure_rate_in_state(const MdsSystem& system, std::uint32_t failed) {
  return static_cast<double>(system.n - failed) * system.failure_rate;
}

double repair_rate_in_state(const MdsSystem& system, std::uint32_t failed) {
  if (failed == 0) return 0.0;
  if (system.policy == RepairPolicy::kOneAtATime) return system.repair_rate;
  return static_cast<double>(failed) * system.repair_rate;
}

std::vector<double> first_passage_times(const MdsSystem& system) {
  require_valid(system);
  std::vector<double> passage;
  passage.reserve(loss_state(system));
  double previous = 0.0;
  for (std::uint32_t i = 0; i < loss_state(system); ++i) {
    const double up = failure_rate_in_state(system, i);
    const double down = repair_rate_in_state(system, i);
    previous = (1.0 + down * previous) / up;
    passage.push_back(previous);
  }
  return passage;
}

double markov_mttdl(const MdsSystem& system) {
  double total = 0.0;
  for (const double d : first_passage_times(system)) total += d;
  return total;
}

double expected_transitions(const MdsSystem& system) {
  require_valid(system);
  double total = 0.0;
  double previous = 0.0;
  for (std::uint32_t i = 0; i < loss_state(system); ++i) {
    const double up = failure_rate_in_state(system, i);
    const double down = repair_rate_in_state(system, i);
    previous = (up + down) / up + (down / up) * previous;
    total += previous;
  }
  return total;
}

}  // namespace sliversim::theory
