// Helpers shared by the codec tests: test-data files, hex, seeded random bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::codec::testing {

using Bytes = std::vector<std::uint8_t>;

// Parses a JSON file under codec/testdata/ (aborts the test on failure).
nlohmann::json load_testdata(std::string_view file_name);

Bytes from_hex(std::string_view hex);
std::string to_hex(const std::uint8_t* data, std::size_t size);

// Deterministic pseudo-random bytes (mt19937_64 is fully specified by the standard).
Bytes random_bytes(std::mt19937_64& rng, std::size_t size);

// The blob pattern of the Walrus vector files: byte[i] = (i*seed + 13 + (i>>8)) % 256.
Bytes pattern_blob(std::size_t length, std::size_t seed);

}  // namespace sliversim::codec::testing
