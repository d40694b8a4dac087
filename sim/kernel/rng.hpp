// Named deterministic random streams. A stream is identified by (seed, name, entity id) and
// seeded by a documented hash of the three, so adding a stream, or drawing more from one, never
// changes another stream's draws. The generator is xoshiro256** 1.0 (Blackman & Vigna, 2018).
//
// Derivation (version 1), with mix64 the SplitMix64 finaliser (trace_digest.hpp) and
// fnv1a64 the 64-bit FNV-1a hash of the name's bytes:
//   k = mix64(mix64(mix64(seed + 0x9E3779B97F4A7C15) ^ fnv1a64(name)) ^ entity)
//   state[i] = mix64(k + (i + 1) * 0x9E3779B97F4A7C15)   for i = 0..3   (SplitMix64 outputs)
// The four words cannot all be zero (mix64 is a bijection and maps only 0 to 0).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace sliversim::kernel {

// 64-bit FNV-1a of the bytes of text (offset basis 0xCBF29CE484222325, prime 0x100000001B3).
constexpr std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : text) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

// The xoshiro256** generator: 256 bits of state, period 2^256 - 1, 64-bit outputs.
class Rng {
 public:
  // A generator with the given state. REQUIRES: not all four words zero (checked; aborts).
  explicit Rng(const std::array<std::uint64_t, 4>& state);

  // The next 64 uniformly distributed bits.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // The current state (for checkpoints and tests).
  const std::array<std::uint64_t, 4>& state() const { return s_; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_;
};

// The 64-bit key of stream (seed, name, entity), as documented above.
std::uint64_t stream_key(std::uint64_t seed, std::string_view name, std::uint64_t entity);

// The generator of stream (seed, name, entity), as documented above.
Rng make_stream(std::uint64_t seed, std::string_view name, std::uint64_t entity = 0);

// A factory of named streams for one run's seed.
class RngStreams {
 public:
  explicit RngStreams(std::uint64_t seed) : seed_(seed) {}
  // The stream named `name` for entity `entity` (e.g. a node id; 0 for run-wide streams).
  // Each call returns a fresh generator at the start of that stream.
  Rng stream(std::string_view name, std::uint64_t entity = 0) const {
    return make_stream(seed_, name, entity);
  }
  std::uint64_t seed() const { return seed_; }

 private:
  std::uint64_t seed_;
};

}  // namespace sliversim::kernel
