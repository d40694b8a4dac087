// A running 128-bit digest of executed events: two runs that execute the same events (time,
// phase, sequence number, tag) in the same order have equal digests; any difference in any of
// those changes it with overwhelming probability. Stable across platforms, compilers and
// standard libraries: it uses only unsigned 64-bit integer arithmetic, fully specified below.
//
// Algorithm (version 1). mix(z) is the SplitMix64 finaliser:
//   z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
//   return z ^ (z >> 31)                                      (all arithmetic mod 2^64)
// Start: lo = 0x243F6A8885A308D3, hi = 0x13198A2E03707344.
// For each executed event, with time t in µs (two's complement), key = phase << 56 | seq, tag:
//   e  = mix(mix(mix(t ^ 0xA0761D6478BD642F) ^ key) ^ tag)
//   lo = mix(lo ^ e);   hi = mix(hi + rotl(e, 32) + lo)
// hex() is hi then lo as 32 lower-case hexadecimal digits.
#pragma once

#include <cstdint>
#include <string>

namespace sliversim::kernel {

// The SplitMix64 finaliser, a bijection on 64-bit words with strong avalanche. Pure.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class TraceDigest {
 public:
  // The digest of an empty trace.
  constexpr TraceDigest() = default;

  // Folds one executed event. key is phase << 56 | sequence number (see EventQueue).
  constexpr void fold(std::int64_t time_us, std::uint64_t key, std::uint64_t tag) {
    std::uint64_t e = mix64(static_cast<std::uint64_t>(time_us) ^ 0xA0761D6478BD642FULL);
    e = mix64(mix64(e ^ key) ^ tag);
    lo_ = mix64(lo_ ^ e);
    hi_ = mix64(hi_ + ((e << 32) | (e >> 32)) + lo_);
    ++events_;
  }

  // The high and low 64-bit halves.
  constexpr std::uint64_t hi() const { return hi_; }
  constexpr std::uint64_t lo() const { return lo_; }
  // How many events have been folded.
  constexpr std::uint64_t events() const { return events_; }
  // hi then lo as 32 lower-case hexadecimal digits.
  std::string hex() const;

  friend constexpr bool operator==(const TraceDigest&, const TraceDigest&) = default;

 private:
  std::uint64_t lo_ = 0x243F6A8885A308D3ULL;
  std::uint64_t hi_ = 0x13198A2E03707344ULL;
  std::uint64_t events_ = 0;
};

}  // namespace sliversim::kernel
