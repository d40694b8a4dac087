// Stream derivation for the named random streams.
#include "sim/kernel/rng.hpp"

#include "sim/kernel/invariant.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::kernel {

namespace {
constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
}  // namespace

Rng::Rng(const std::array<std::uint64_t, 4>& state) : s_(state) {
  check_invariant((s_[0] | s_[1] | s_[2] | s_[3]) != 0, "xoshiro256** state must not be all zero");
}

std::uint64_t stream_key(std::uint64_t seed, std::string_view name, std::uint64_t entity) {
  return mix64(mix64(mix64(seed + kGolden) ^ fnv1a64(name)) ^ entity);
}

Rng make_stream(std::uint64_t seed, std::string_view name, std::uint64_t entity) {
  const std::uint64_t k = stream_key(seed, name, entity);
  std::array<std::uint64_t, 4> state{};
  for (std::uint64_t i = 0; i < 4; ++i) state[i] = mix64(k + (i + 1) * kGolden);
  return Rng(state);
}

}  // namespace sliversim::kernel
