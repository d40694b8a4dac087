// Grid expansion: the fixed point order (last axis fastest, seeds innermost), zip, counts, and
// each point's overrides and parameters.
#include "sim/sweep/sweep_grid.hpp"

#include <doctest/doctest.h>

#include <set>

namespace sliversim::sweep {
namespace {

using nlohmann::json;

Grid grid_of(std::vector<Axis> axes, std::vector<std::uint64_t> seeds, bool zip = false) {
  return Grid{std::move(axes), std::move(seeds), zip};
}

TEST_CASE("cartesian grid: last axis fastest, seeds innermost") {
  const Grid g = grid_of({{"/a", "/a", {1, 2}}, {"b.c", "/b/c", {"x", "y", "z"}}}, {7, 9});
  CHECK(combination_count(g) == 6);
  const auto points = expand_grid(g);
  REQUIRE(points.size() == 12);
  std::vector<std::string> seen;
  for (const SweepPoint& p : points) {
    seen.push_back(p.values[0].dump() + p.values[1].get<std::string>() + std::to_string(p.seed));
  }
  CHECK(seen == std::vector<std::string>{"1x7", "1x9", "1y7", "1y9", "1z7", "1z9", "2x7", "2x9",
                                         "2y7", "2y9", "2z7", "2z9"});
  for (std::size_t i = 0; i < points.size(); ++i) {
    CHECK(points[i].index == i);
    CHECK(points[i].combination == i / 2);
  }
}

TEST_CASE("grid counts are the product of the axis lengths times the seeds") {
  for (std::size_t a = 1; a <= 4; ++a) {
    for (std::size_t b = 1; b <= 3; ++b) {
      Axis x{"/x", "/x", {}};
      Axis y{"/y", "/y", {}};
      for (std::size_t i = 0; i < a; ++i) x.values.push_back(i);
      for (std::size_t i = 0; i < b; ++i) y.values.push_back(i);
      const Grid g = grid_of({x, y}, {1, 2, 3});
      CHECK(expand_grid(g).size() == a * b * 3);
      std::set<std::string> distinct;
      for (const SweepPoint& p : expand_grid(g)) {
        distinct.insert(json(p.values).dump() + std::to_string(p.seed));
      }
      CHECK(distinct.size() == a * b * 3);
    }
  }
}

TEST_CASE("zip pairs the axes element by element") {
  const Grid g = grid_of({{"/a", "/a", {1, 2, 3}}, {"/b", "/b", {10, 20, 30}}}, {5}, true);
  CHECK(combination_count(g) == 3);
  const auto points = expand_grid(g);
  REQUIRE(points.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(points[i].values[0] == json(i + 1));
    CHECK(points[i].values[1] == json(10 * (i + 1)));
  }
}

TEST_CASE("no axes: one combination, one point per seed") {
  const Grid g = grid_of({}, {3, 1, 2});
  const auto points = expand_grid(g);
  REQUIRE(points.size() == 3);
  CHECK(points[0].seed == 3);
  CHECK(points[2].seed == 2);
  CHECK(point_overrides(g, points[1]) == std::vector<std::string>{"/run/seed=1"});
  CHECK(point_params(g, points[1]) == json::object());
}

TEST_CASE("a point's overrides set each axis pointer to its value as JSON, then the seed") {
  const Grid g = grid_of({{"blobs.0.name", "/blobs/0/name", {"big"}},
                          {"/shards/n", "/shards/n", {301}},
                          {"/x", "/x", {0.1}}},
                         {18446744073709551615ULL});
  const SweepPoint p = expand_grid(g).front();
  CHECK(point_overrides(g, p) == std::vector<std::string>{"/blobs/0/name=\"big\"", "/shards/n=301",
                                                          "/x=0.1",
                                                          "/run/seed=18446744073709551615"});
  CHECK(point_params(g, p) == json({{"blobs.0.name", "big"}, {"/shards/n", 301}, {"/x", 0.1}}));
  CHECK(point_label(g, p) ==
        "blobs.0.name=\"big\", /shards/n=301, /x=0.1, seed 18446744073709551615");
}

TEST_CASE("index ranges compress consecutive indices") {
  CHECK(index_ranges({}) == "");
  CHECK(index_ranges({4}) == "4");
  CHECK(index_ranges({0, 1, 2, 3, 7, 9, 10}) == "0-3, 7, 9-10");
}

}  // namespace
}  // namespace sliversim::sweep
