// Tests of the edit distance and the "did you mean" choice.
#include "sim/scenario/suggest.hpp"

#include <doctest/doctest.h>

namespace sliversim::scenario {

TEST_CASE("edit_distance counts insertions, deletions, substitutions and adjacent swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("count", "cuont") == 1);  // one transposition
  CHECK(edit_distance("seed", "sed") == 1);
  CHECK(edit_distance("uplink_mbps", "uplink_mpbs") == 1);
  CHECK(edit_distance("ca", "abc") == 3);       // optimal string alignment, not full Damerau (2)
  CHECK(edit_distance("Count", "count") == 0);  // ASCII case is ignored
}

TEST_CASE("edit_distance is symmetric on a sample of word pairs") {
  const std::vector<std::string> words = {"",      "a",         "ab",         "count",
                                          "cuont", "fraction",  "fractions",  "duration_days",
                                          "days",  "mean_days", "scale_days", "uplink_mbps"};
  for (const auto& a : words) {
    for (const auto& b : words) CHECK(edit_distance(a, b) == edit_distance(b, a));
  }
}

TEST_CASE("closest_match suggests typos, a forgotten unit and a wrong unit, nothing far away") {
  const std::vector<std::string> keys = {"duration_days", "seed", "memory_budget_gib"};
  CHECK(closest_match("sed", keys) == "seed");
  CHECK(closest_match("duration_day", keys) == "duration_days");
  CHECK(closest_match("duration", keys) == "duration_days");        // unit left out
  CHECK(closest_match("duration_hours", keys) == "duration_days");  // another unit
  CHECK_FALSE(closest_match("colour", keys).has_value());
  CHECK_FALSE(closest_match("x", keys).has_value());
}

TEST_CASE("closest_match prefers the nearest candidate and the earlier one on ties") {
  CHECK(closest_match("mean_dayz", {"median_days", "mean_days"}) == "mean_days");
  CHECK(closest_match("ab", {"ac", "ad"}) == "ac");
}

TEST_CASE("did_you_mean words the suggestion, or says nothing") {
  CHECK(did_you_mean("cuont", {"count", "classes"}) == " (did you mean \"count\"?)");
  CHECK(did_you_mean("zzzzzz", {"count", "classes"}).empty());
}

}  // namespace sliversim::scenario
