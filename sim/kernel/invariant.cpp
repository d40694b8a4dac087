// Always-on invariant failure reporting.
#include "sim/kernel/invariant.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sliversim::kernel {

std::string invariant_message(std::string_view what, const InvariantContext& context) {
  std::string line = "sliversim: invariant violated: ";
  line.append(what);
  std::string details;
  auto add = [&details](const std::string& part) {
    details += details.empty() ? " (" : ", ";
    details += part;
  };
  if (context.now) add("sim time " + format_ticks(*context.now));
  if (context.event_number) add("event #" + std::to_string(*context.event_number));
  if (context.seed) add("seed " + std::to_string(*context.seed));
  if (!details.empty()) details += ")";
  return line + details;
}

void invariant_failure(std::string_view what, const InvariantContext& context) {
  const std::string line = invariant_message(what, context) + "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  std::abort();
}

}  // namespace sliversim::kernel
