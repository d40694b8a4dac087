// Position-major expansion: every sliver of a block expands to exactly what expand_sliver gives,
// for symbol sizes below, at and across the 64-byte block boundary.
#include "codec/recovery_expansion.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "codec/recovery_test_support.hpp"
#include "codec/sliver_expansion.hpp"

using namespace sliversim::codec;
using testing::Bytes;

TEST_CASE("position-major expansion equals expand_sliver for every symbol size shape") {
  std::mt19937_64 rng(3);
  for (const std::size_t n : {7U, 100U}) {
    const auto params = *RedStuffParams::make(n);
    for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
      const std::size_t k = params.symbols_per_sliver(axis);
      for (const std::size_t s : {2U, 62U, 64U, 66U, 128U, 302U, 4030U}) {
        for (const std::size_t count : {1U, 3U}) {
          std::vector<Bytes> slivers;
          Bytes work(n * count * s);
          for (std::size_t b = 0; b < count; ++b) {
            slivers.push_back(testing::random_bytes(rng, k * s));
            for (std::size_t i = 0; i < k; ++i) {
              std::memcpy(work.data() + (i * count + b) * s, slivers[b].data() + i * s, s);
            }
          }
          expand_position_major(params, axis, s, count, work);
          for (std::size_t b = 0; b < count; ++b) {
            Bytes want(n * s);
            REQUIRE(expand_sliver(params, axis, slivers[b], s, want) == RedStuffStatus::kOk);
            for (std::size_t i = 0; i < n; ++i) {
              REQUIRE(std::memcmp(work.data() + (i * count + b) * s, want.data() + i * s, s) == 0);
            }
          }
        }
      }
    }
  }
}
