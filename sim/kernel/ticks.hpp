// Simulated time: a strong integer type counting microseconds (one tick = 1 µs).
// Invariant: every value built by the named constructors lies in [-kLimit, kLimit], so the sum or
// difference of two of them never overflows int64 (kLimit = 2^62 - 1 µs, about 146,000 years).
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace sliversim::kernel {

class Ticks {
 public:
  // The largest magnitude the named constructors return (2^62 - 1 µs).
  static constexpr std::int64_t kLimit = (std::int64_t{1} << 62) - 1;
  static constexpr std::int64_t kPerMillisecond = 1'000;
  static constexpr std::int64_t kPerSecond = 1'000'000;
  static constexpr std::int64_t kPerMinute = 60 * kPerSecond;
  static constexpr std::int64_t kPerHour = 60 * kPerMinute;
  static constexpr std::int64_t kPerDay = 24 * kPerHour;

  // Time zero.
  constexpr Ticks() = default;

  // n microseconds, clamped to [-kLimit, kLimit].
  static constexpr Ticks microseconds(std::int64_t n) { return Ticks(clamp(n)); }
  // n milliseconds, clamped to [-kLimit, kLimit].
  static constexpr Ticks milliseconds(std::int64_t n) { return scaled(n, kPerMillisecond); }
  // n seconds, clamped to [-kLimit, kLimit].
  static constexpr Ticks seconds(std::int64_t n) { return scaled(n, kPerSecond); }
  // n minutes, clamped to [-kLimit, kLimit].
  static constexpr Ticks minutes(std::int64_t n) { return scaled(n, kPerMinute); }
  // n hours, clamped to [-kLimit, kLimit].
  static constexpr Ticks hours(std::int64_t n) { return scaled(n, kPerHour); }
  // n days of 24 hours, clamped to [-kLimit, kLimit].
  static constexpr Ticks days(std::int64_t n) { return scaled(n, kPerDay); }
  // The largest time the named constructors give, kLimit µs; "never" for deadlines.
  static constexpr Ticks max() { return Ticks(kLimit); }

  // A real number of seconds rounded to the nearest microsecond (halves away from zero) and
  // clamped to [-kLimit, kLimit]; +inf gives max(). Used to turn sampled durations into time.
  // REQUIRES: s is not NaN (checked; aborts).
  static Ticks from_seconds(double s);
  // A real number of hours, as from_seconds(h * 3600).
  static Ticks from_hours(double h);
  // A real number of days, as from_seconds(d * 86400).
  static Ticks from_days(double d);

  // The count of microseconds.
  constexpr std::int64_t count() const { return us_; }
  // This time in seconds, hours or days (as double; exact up to 2^53 µs, about 285 years).
  constexpr double to_seconds() const { return static_cast<double>(us_) / kPerSecond; }
  constexpr double to_hours() const { return static_cast<double>(us_) / kPerHour; }
  constexpr double to_days() const { return static_cast<double>(us_) / kPerDay; }

  friend constexpr auto operator<=>(Ticks, Ticks) = default;
  // Sums and differences. REQUIRES: the result fits in int64, which holds for any two values in
  // [-kLimit, kLimit].
  friend constexpr Ticks operator+(Ticks a, Ticks b) { return Ticks(a.us_ + b.us_); }
  friend constexpr Ticks operator-(Ticks a, Ticks b) { return Ticks(a.us_ - b.us_); }
  constexpr Ticks& operator+=(Ticks b) { return *this = *this + b; }
  constexpr Ticks& operator-=(Ticks b) { return *this = *this - b; }
  // Scaling by an integer, clamped to [-kLimit, kLimit].
  friend constexpr Ticks operator*(Ticks a, std::int64_t n) { return scaled(a.us_, n); }
  friend constexpr Ticks operator*(std::int64_t n, Ticks a) { return scaled(a.us_, n); }
  // Truncating division by an integer. REQUIRES: n != 0.
  friend constexpr Ticks operator/(Ticks a, std::int64_t n) { return Ticks(a.us_ / n); }
  // How many whole b fit in a (truncating). REQUIRES: b != Ticks{}.
  friend constexpr std::int64_t operator/(Ticks a, Ticks b) { return a.us_ / b.us_; }
  // The remainder of a / b. REQUIRES: b != Ticks{}.
  friend constexpr Ticks operator%(Ticks a, Ticks b) { return Ticks(a.us_ % b.us_); }

 private:
  constexpr explicit Ticks(std::int64_t us) : us_(us) {}
  static constexpr std::int64_t clamp(std::int64_t n) {
    return n > kLimit ? kLimit : (n < -kLimit ? -kLimit : n);
  }
  static constexpr Ticks scaled(std::int64_t n, std::int64_t unit) {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(n, unit, &product)) {
      return Ticks((n < 0) != (unit < 0) ? -kLimit : kLimit);
    }
    return Ticks(clamp(product));
  }

  std::int64_t us_ = 0;
};

// A fixed human-readable form: "[-]D d HH:MM:SS.uuuuuu", e.g. "3d 04:05:06.000007". Stable.
std::string format_ticks(Ticks t);

}  // namespace sliversim::kernel
