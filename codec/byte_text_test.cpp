// Base64url (RFC 4648 §10 test vectors, URL alphabet, no padding) and hex.
#include "codec/byte_text.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "codec/test_support.hpp"

using namespace sliversim::codec;

namespace {

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

}  // namespace

TEST_CASE("base64url encodes the RFC 4648 vectors without padding") {
  CHECK(base64url_encode(bytes_of("")) == "");
  CHECK(base64url_encode(bytes_of("f")) == "Zg");
  CHECK(base64url_encode(bytes_of("fo")) == "Zm8");
  CHECK(base64url_encode(bytes_of("foo")) == "Zm9v");
  CHECK(base64url_encode(bytes_of("foob")) == "Zm9vYg");
  CHECK(base64url_encode(bytes_of("fooba")) == "Zm9vYmE");
  CHECK(base64url_encode(bytes_of("foobar")) == "Zm9vYmFy");
}

TEST_CASE("base64url uses '-' and '_' for 62 and 63") {
  CHECK(base64url_encode(std::vector<std::uint8_t>{0xfb, 0xff}) == "-_8");
}

TEST_CASE("base64url decoding inverts encoding for random strings of every length") {
  std::mt19937_64 rng(3);
  for (std::size_t len = 0; len < 70; ++len) {
    const auto data = testing::random_bytes(rng, len);
    const auto text = base64url_encode(data);
    CHECK(text.size() == (len * 4 + 2) / 3);
    const auto back = base64url_decode(text);
    REQUIRE(back.has_value());
    CHECK(*back == data);
  }
}

TEST_CASE("base64url decoding rejects padding, foreign characters, bad lengths and stray bits") {
  CHECK_FALSE(base64url_decode("Zg==").has_value());
  CHECK_FALSE(base64url_decode("Zm9+").has_value());
  CHECK_FALSE(base64url_decode("Zm9/").has_value());
  CHECK_FALSE(base64url_decode("Zm9vY").has_value());
  CHECK_FALSE(base64url_decode("Zh").has_value());
}

TEST_CASE("hex round-trips and rejects odd lengths and non-digits") {
  const std::vector<std::uint8_t> data{0x00, 0x0f, 0xa5, 0xff};
  CHECK(hex_encode(data) == "000fa5ff");
  CHECK(*hex_decode("000FA5ff") == data);
  CHECK_FALSE(hex_decode("abc").has_value());
  CHECK_FALSE(hex_decode("zz").has_value());
}
