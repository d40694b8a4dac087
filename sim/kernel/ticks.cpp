// Conversions from real-valued durations and the fixed text form of simulated time.
#include "sim/kernel/ticks.hpp"

#include <cmath>
#include <cstdio>

#include "sim/kernel/invariant.hpp"

namespace sliversim::kernel {

Ticks Ticks::from_seconds(double s) {
  check_invariant(!std::isnan(s), "Ticks::from_seconds called with NaN");
  const double us = std::round(s * static_cast<double>(kPerSecond));
  const auto limit = static_cast<double>(kLimit);
  if (us >= limit) return Ticks(kLimit);
  if (us <= -limit) return Ticks(-kLimit);
  return Ticks(static_cast<std::int64_t>(us));
}

Ticks Ticks::from_hours(double h) { return from_seconds(h * 3600.0); }

Ticks Ticks::from_days(double d) { return from_seconds(d * 86400.0); }

std::string format_ticks(Ticks t) {
  std::int64_t us = t.count();
  const bool negative = us < 0;
  // |t| <= 2^63 - 1 always fits after negation except INT64_MIN, which no Ticks can hold.
  std::uint64_t rest = negative ? static_cast<std::uint64_t>(-us) : static_cast<std::uint64_t>(us);
  const auto per_second = static_cast<std::uint64_t>(Ticks::kPerSecond);
  const std::uint64_t micros = rest % per_second;
  rest /= per_second;
  const std::uint64_t secs = rest % 60;
  rest /= 60;
  const std::uint64_t mins = rest % 60;
  rest /= 60;
  const std::uint64_t hrs = rest % 24;
  const std::uint64_t days = rest / 24;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s%llud %02llu:%02llu:%02llu.%06llu", negative ? "-" : "",
                static_cast<unsigned long long>(days), static_cast<unsigned long long>(hrs),
                static_cast<unsigned long long>(mins), static_cast<unsigned long long>(secs),
                static_cast<unsigned long long>(micros));
  return buffer;
}

}  // namespace sliversim::kernel
