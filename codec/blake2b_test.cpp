// BLAKE2b-256: known answers (RFC 7693 parameters, digest length 32), and every batch
// implementation byte-identical to libsodium across block boundaries, strides and lane counts.
#include "codec/blake2b.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string_view>
#include <vector>

#include "codec/byte_text.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;

namespace {

std::span<const std::uint8_t> bytes_of(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

TEST_CASE("BLAKE2b-256 of known messages") {
  CHECK(hex_encode(blake2b256(bytes_of(""))) ==
        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  CHECK(hex_encode(blake2b256(bytes_of("abc"))) ==
        "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST_CASE("the prefixed hash equals hashing the prefix byte and the data together") {
  std::mt19937_64 rng(7);
  for (const std::size_t len : {0U, 1U, 2U, 126U, 127U, 128U, 129U, 300U}) {
    const auto data = testing::random_bytes(rng, len);
    std::vector<std::uint8_t> joined{0x5a};
    joined.insert(joined.end(), data.begin(), data.end());
    CHECK(blake2b256_prefixed(0x5a, data) == blake2b256(joined));
  }
}

TEST_CASE("every batch implementation matches libsodium for all lengths, strides and counts") {
  std::mt19937_64 rng(11);
  for (const HashImpl impl : {HashImpl::kLibsodium, HashImpl::kAvx2, HashImpl::kAvx512}) {
    if (!hash_impl_supported(impl)) continue;
    CAPTURE(hash_impl_name(impl));
    for (std::size_t len = 0; len <= 400; len += (len < 140 ? 1 : 37)) {
      for (const std::size_t count : {1U, 3U, 4U, 5U, 9U}) {
        const std::size_t stride = len + (count % 2 == 0 ? 0 : 3);
        const auto data = testing::random_bytes(rng, stride * count + len);
        std::vector<Digest> out(count);
        blake2b256_prefixed_batch(impl, 0x01, data.data(), len, stride, count, out.data());
        for (std::size_t i = 0; i < count; ++i) {
          CAPTURE(len);
          CAPTURE(i);
          REQUIRE(out[i] == blake2b256_prefixed(0x01, {data.data() + i * stride, len}));
        }
      }
    }
  }
}

TEST_CASE("a long batch message (a 64 KiB symbol) matches libsodium") {
  std::mt19937_64 rng(13);
  const std::size_t len = 65534;
  const auto data = testing::random_bytes(rng, 5 * len);
  for (const HashImpl impl : {HashImpl::kLibsodium, HashImpl::kAvx2, HashImpl::kAvx512}) {
    if (!hash_impl_supported(impl)) continue;
    std::vector<Digest> out(5);
    blake2b256_prefixed_batch(impl, 0x00, data.data(), len, len, 5, out.data());
    for (std::size_t i = 0; i < 5; ++i) {
      CHECK(out[i] == blake2b256_prefixed(0x00, {data.data() + i * len, len}));
    }
  }
}

TEST_CASE("every implementation hashes messages given by address like libsodium") {
  std::mt19937_64 rng(17);
  for (const std::size_t len : {0U, 5U, 127U, 128U, 1000U}) {
    std::vector<std::vector<std::uint8_t>> messages;
    std::vector<const std::uint8_t*> pointers;
    for (std::size_t i = 0; i < 11; ++i) messages.push_back(testing::random_bytes(rng, len + 1));
    for (std::size_t i = 0; i < 11; ++i) pointers.push_back(messages[(i * 7) % 11].data() + 1);
    for (const HashImpl impl : {HashImpl::kLibsodium, HashImpl::kAvx2, HashImpl::kAvx512}) {
      if (!hash_impl_supported(impl)) continue;
      CAPTURE(len);
      CAPTURE(hash_impl_name(impl));
      std::vector<Digest> out(11);
      blake2b256_prefixed_batch(impl, 0x07, pointers, len, out.data());
      for (std::size_t i = 0; i < 11; ++i) {
        CHECK(out[i] == blake2b256_prefixed(0x07, {pointers[i], len}));
      }
    }
  }
}
