// --shard I/N: parsing, and that the shards partition the points.
#include "sim/sweep/shard_spec.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace sliversim::sweep {
namespace {

TEST_CASE("shards 0..N-1 cover every point exactly once, N = 1..7") {
  constexpr std::size_t kPoints = 53;
  for (std::uint32_t n = 1; n <= 7; ++n) {
    std::vector<int> runs(kPoints, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
      for (std::size_t p = 0; p < kPoints; ++p) runs[p] += shard_contains({i, n}, p) ? 1 : 0;
    }
    for (std::size_t p = 0; p < kPoints; ++p) CHECK(runs[p] == 1);
  }
}

TEST_CASE("shard I of N takes the points with index % N == I") {
  std::vector<std::size_t> taken;
  for (std::size_t p = 0; p < 10; ++p) {
    if (shard_contains({1, 3}, p)) taken.push_back(p);
  }
  CHECK(taken == std::vector<std::size_t>{1, 4, 7});
}

TEST_CASE("well-formed shard specs parse") {
  std::string error;
  const auto a = parse_shard_spec("0/1", &error);
  REQUIRE(a);
  CHECK(a->index == 0);
  CHECK(a->count == 1);
  const auto b = parse_shard_spec("6/7", &error);
  REQUIRE(b);
  CHECK(b->index == 6);
  CHECK(b->count == 7);
  CHECK(to_string(*b) == "6/7");
  CHECK(parse_shard_spec("999999/1000000", nullptr));
}

TEST_CASE("malformed shard specs are refused with the expected form") {
  for (const char* bad : {"3/3", "a/b", "1", "", "/", "-1/3", "1/0", "1/-2", " 1/2", "1/2 ",
                          "1/2/3", "0x1/2", "0/1000001", "99999999999999999999/1"}) {
    std::string error;
    INFO("spec \"" << bad << "\"");
    CHECK_FALSE(parse_shard_spec(bad, &error));
    CHECK(error.find("expected I/N with integers 0 <= I < N <= 1000000, got \"" + std::string(bad) +
                     "\"") == 0);
  }
  std::string error;
  CHECK_FALSE(parse_shard_spec("3/3", &error));
  CHECK(error.find("(I must be below N; shards count from 0)") != std::string::npos);
}

}  // namespace
}  // namespace sliversim::sweep
