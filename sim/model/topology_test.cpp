// Topology: entity lookups, shortest-latency paths over region links, unreachable regions.
#include "sim/model/topology.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

namespace sliversim::model {
namespace {

using kernel::Ticks;

// Regions a - b - c in a line (10 ms each) plus a slow direct a - c link (50 ms); d is isolated.
scenario::TopologyLayout layout() {
  scenario::TopologyLayout t;
  t.regions = {"a", "b", "c", "d"};
  t.providers = {"p", "q"};
  t.datacenters = {{"a1", "a", "p", 100, 1},
                   {"a2", "a", "q", 40, 2},
                   {"b1", "b", "p", 100, 0.5},
                   {"c1", "c", "q", 100, 3},
                   {"d1", "d", "p", 10, 1}};
  t.region_links = {{"a", "b", 200, 10}, {"b", "c", 200, 10}, {"a", "c", 50, 50}};
  return t;
}

}  // namespace

TEST_CASE("topology finds regions, datacenters and providers by name and knows who runs what") {
  const Topology t(layout());
  CHECK(t.region_count() == 4);
  CHECK(t.datacenter_count() == 5);
  CHECK(t.provider_count() == 2);
  CHECK(t.link_count() == 8);
  REQUIRE(t.find_datacenter("a2").has_value());
  const DatacenterId a2 = *t.find_datacenter("a2");
  CHECK(t.region_name(t.region_of(a2)) == "a");
  CHECK(t.provider_name(t.provider_of(a2)) == "q");
  CHECK(t.find_region("c") == RegionId{2});
  CHECK(t.find_provider("p") == ProviderId{0});
  CHECK_FALSE(t.find_region("x").has_value());
  CHECK_FALSE(t.find_datacenter("a").has_value());
  CHECK(t.link(t.path(a2, *t.find_datacenter("a1")).front()).bandwidth_bytes_per_s == 40e9 / 8);
}

TEST_CASE("latency is the lowest-latency path: a to c through b beats the direct link") {
  const Topology t(layout());
  const DatacenterId a1 = *t.find_datacenter("a1");
  const DatacenterId a2 = *t.find_datacenter("a2");
  const DatacenterId b1 = *t.find_datacenter("b1");
  const DatacenterId c1 = *t.find_datacenter("c1");
  CHECK(t.latency(a1, a1) == Ticks{});
  CHECK(t.latency(a1, a2) == Ticks::milliseconds(3));
  CHECK(t.latency(a1, b1) == Ticks::microseconds(11'500));
  CHECK(t.latency(a1, c1) == Ticks::milliseconds(1 + 20 + 3));
  CHECK(t.latency(c1, a1) == t.latency(a1, c1));
  const std::vector<LinkId> path = t.path(a1, c1);
  REQUIRE(path.size() == 4);
  Ticks sum{};
  for (const LinkId l : path) sum += t.link(l).latency;
  CHECK(sum == t.latency(a1, c1));
  CHECK(t.link(path.front()).datacenter_link);
  CHECK_FALSE(t.link(path[1]).datacenter_link);
  CHECK(t.path(a1, a1).empty());
  CHECK(t.path(a1, a2).size() == 2);
}

TEST_CASE("a region without links is unreachable: latency max and no path") {
  const Topology t(layout());
  const DatacenterId a1 = *t.find_datacenter("a1");
  const DatacenterId d1 = *t.find_datacenter("d1");
  CHECK(t.latency(a1, d1) == Ticks::max());
  CHECK(t.path(a1, d1).empty());
}

TEST_CASE("topology rejects unknown names and repeated region links") {
  scenario::TopologyLayout bad = layout();
  bad.datacenters.push_back({"e1", "e", "p", 1, 1});
  CHECK_THROWS_AS(Topology{bad}, std::invalid_argument);
  bad = layout();
  bad.region_links.push_back({"b", "a", 1, 1});
  CHECK_THROWS_AS(Topology{bad}, std::invalid_argument);
}

}  // namespace sliversim::model
