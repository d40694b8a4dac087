// Always-on invariant checks for the simulator: a broken invariant is a bug, not an outcome, so
// it prints what broke with the simulation context (sim time, event number, seed) and aborts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/ticks.hpp"

namespace sliversim::kernel {

// Where the simulation was when an invariant broke. Fields left empty are not printed.
struct InvariantContext {
  std::optional<Ticks> now;                   // simulated time
  std::optional<std::uint64_t> event_number;  // events executed so far
  std::optional<std::uint64_t> seed;          // the run's seed
};

// The message invariant_failure prints, without the newline:
// "sliversim: invariant violated: WHAT (sim time 0d 01:00:00.000000, event #12, seed 7)".
std::string invariant_message(std::string_view what, const InvariantContext& context);

// Prints invariant_message(what, context) and a newline to stderr and aborts. Never returns.
[[noreturn]] void invariant_failure(std::string_view what, const InvariantContext& context = {});

// Calls invariant_failure(what, context) when condition is false. Always on (also in Release).
inline void check_invariant(bool condition, std::string_view what,
                            const InvariantContext& context = {}) {
  if (!condition) [[unlikely]] {
    invariant_failure(what, context);
  }
}

}  // namespace sliversim::kernel
