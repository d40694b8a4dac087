// The byte <-> element mapping of REDSTUFF.md §5, checked element by element against its
// definition for symbol sizes with and without tails, batched and strided.
#include <doctest/doctest.h>

#include <random>

#include "codec/shard_layout.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;

namespace {

// Element e of a symbol of s bytes, straight from the definition.
std::uint16_t element_of(const std::uint8_t* sym, std::size_t s, std::size_t e) {
  const std::size_t full = s / 64;
  if (e < full * 32) {
    const std::size_t base = (e / 32) * 64 + e % 32;
    return static_cast<std::uint16_t>(sym[base] | (sym[base + 32] << 8));
  }
  const std::size_t t = s - full * 64;
  const std::size_t te = e - full * 32;
  return static_cast<std::uint16_t>(sym[full * 64 + te] | (sym[full * 64 + t / 2 + te] << 8));
}

}  // namespace

TEST_CASE("a 4-byte symbol [b0 b1 b2 b3] holds the elements b0|b2<<8 and b1|b3<<8") {
  const std::uint8_t sym[4] = {0x11, 0x22, 0x33, 0x44};
  const Batch batch{4, 1, 0};
  AlignedBuffer internal(batch.internal_shard_bytes());
  import_shard(batch, sym, internal.data());
  CHECK((internal.data()[0] | (internal.data()[32] << 8)) == 0x3311);
  CHECK((internal.data()[1] | (internal.data()[33] << 8)) == 0x4422);
}

TEST_CASE("import packs every symbol's elements in order and export restores the bytes") {
  std::mt19937_64 rng(30);
  for (const std::size_t s : {2U, 4U, 6U, 62U, 64U, 66U, 130U, 192U, 250U}) {
    for (const std::size_t count : {1U, 3U, 17U}) {
      const std::size_t stride = s + 6;
      const auto user = testing::random_bytes(rng, count * stride);
      const Batch batch{s, count, stride};
      AlignedBuffer internal(batch.internal_shard_bytes());
      import_shard(batch, user.data(), internal.data());
      for (std::size_t b = 0; b < count; ++b) {
        for (std::size_t e = 0; e < s / 2; ++e) {
          const std::size_t idx = b * (s / 2) + e;
          const std::uint8_t* blk = internal.data() + (idx / 32) * 64;
          const auto got = static_cast<std::uint16_t>(blk[idx % 32] | (blk[32 + idx % 32] << 8));
          REQUIRE(got == element_of(user.data() + b * stride, s, e));
        }
      }
      // Padding past the last element is zero.
      for (std::size_t idx = count * (s / 2); idx % 32 != 0; ++idx) {
        const std::uint8_t* blk = internal.data() + (idx / 32) * 64;
        REQUIRE(blk[idx % 32] == 0);
        REQUIRE(blk[32 + idx % 32] == 0);
      }
      auto back = user;
      for (std::size_t b = 0; b < count; ++b)
        std::fill_n(back.begin() + static_cast<long>(b * stride), s, 0);
      export_shard(batch, internal.data(), back.data());
      REQUIRE(back == user);
    }
  }
}
