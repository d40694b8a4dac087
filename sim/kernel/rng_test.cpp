// Named random streams: reference vectors of the hashes and the generator, pinned stream values,
// and independence of streams.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <set>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace k = sliversim::kernel;

TEST_CASE("fnv1a64 matches the published FNV-1a test vectors") {
  CHECK(k::fnv1a64("") == 0xCBF29CE484222325ULL);
  CHECK(k::fnv1a64("a") == 0xAF63DC4C8601EC8CULL);
  CHECK(k::fnv1a64("foobar") == 0x85944171F73967E8ULL);
}

TEST_CASE("mix64 is the SplitMix64 finaliser: seed 0 gives SplitMix64's first output") {
  CHECK(k::mix64(0x9E3779B97F4A7C15ULL) == 0xE220A8397B1DCDAFULL);
  CHECK(k::mix64(0) == 0);
}

TEST_CASE("xoshiro256** from state {1, 2, 3, 4} matches the reference implementation") {
  k::Rng rng({1, 2, 3, 4});
  const std::array<std::uint64_t, 6> want = {11520ULL,
                                             0ULL,
                                             1509978240ULL,
                                             1215971899390074240ULL,
                                             1216172134540287360ULL,
                                             607988272756665600ULL};
  for (const std::uint64_t w : want) CHECK(rng.next_u64() == w);
}

TEST_CASE("streams have pinned values, so a change of derivation fails here") {
  k::Rng a = k::make_stream(42, "churn.permanent", 7);
  CHECK(a.next_u64() == 0xCF3BF1A57B830DE4ULL);
  CHECK(a.next_u64() == 0xF68DE0A72F919083ULL);
  CHECK(a.next_u64() == 0x8537C7CBF49F4F5BULL);
  k::Rng b = k::make_stream(0, "", 0);
  CHECK(b.next_u64() == 0xEBD8142281F90A65ULL);
  CHECK(b.next_u64() == 0xB07E54495A98EB34ULL);
  CHECK(b.next_u64() == 0xE8F0CBBBFD991D37ULL);
}

TEST_CASE("RngStreams returns the same stream as make_stream, from its start each time") {
  const k::RngStreams streams(42);
  k::Rng first = streams.stream("churn.permanent", 7);
  first.next_u64();
  k::Rng again = streams.stream("churn.permanent", 7);
  CHECK(again.next_u64() == 0xCF3BF1A57B830DE4ULL);
  CHECK(streams.seed() == 42);
}

TEST_CASE("drawing from one stream or creating others never changes a stream's draws") {
  auto draws = [](bool disturb) {
    const k::RngStreams streams(2024);
    k::Rng target = streams.stream("outage", 3);
    std::vector<std::uint64_t> out;
    for (int i = 0; i < 100; ++i) {
      if (disturb) {
        k::Rng other = streams.stream("join", static_cast<std::uint64_t>(i));
        for (int j = 0; j < i; ++j) other.next_u64();
        k::Rng sibling = streams.stream("outage", 4);
        sibling.next_u64();
      }
      out.push_back(target.next_u64());
    }
    return out;
  };
  CHECK(draws(false) == draws(true));
}

TEST_CASE("seed, name and entity each select a different stream") {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t entity = 0; entity < 1000; ++entity) {
    firsts.insert(k::make_stream(1, "lifetime", entity).next_u64());
  }
  for (const char* name : {"lifetime.", "Lifetime", "outage", "join", "leave"}) {
    firsts.insert(k::make_stream(1, name, 0).next_u64());
  }
  for (std::uint64_t seed = 2; seed < 100; ++seed) {
    firsts.insert(k::make_stream(seed, "lifetime", 0).next_u64());
  }
  CHECK(firsts.size() == 1000 + 5 + 98);
}

TEST_CASE("the stream key is the documented hash of seed, name and entity") {
  const std::uint64_t golden = 0x9E3779B97F4A7C15ULL;
  const std::uint64_t want =
      k::mix64(k::mix64(k::mix64(42 + golden) ^ k::fnv1a64("churn.permanent")) ^ 7);
  CHECK(k::stream_key(42, "churn.permanent", 7) == want);
  const k::Rng rng = k::make_stream(42, "churn.permanent", 7);
  for (std::uint64_t i = 0; i < 4; ++i) CHECK(rng.state()[i] == k::mix64(want + (i + 1) * golden));
}
