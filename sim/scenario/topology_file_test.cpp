// Tests of topology files and generated layouts.
#include "sim/scenario/topology_file.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sliversim::scenario {

namespace {

// Writes `text` to a fresh file in the temporary folder and loads it as a topology. The name is
// this process's own: ctest runs each test case as a process, several at once.
TopologyFileResult load_text(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("sliversim_topology_test_" + std::to_string(getpid()) + ".json");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  TopologyFileResult r = load_topology_file(path);
  std::filesystem::remove(path);
  return r;
}

std::vector<std::string> problems_of(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& p : load_text(text).problems) lines.push_back(p.where + ": " + p.message);
  return lines;
}

// A datacenter entry named `name`.
std::string dc(const std::string& name) {
  return nlohmann::json{{"name", name}, {"provider", "p"}, {"link_gbps", 10}}.dump();
}

}  // namespace

TEST_CASE("a valid topology file becomes a layout") {
  const TopologyFileResult r =
      load_text(R"({"regions": [{"name": "a", "datacenters": [)" + dc("a1") +
                R"(, {"name": "a2", "provider": "q", "link_gbps": 5, "link_latency_ms": 3}]},
          {"name": "b", "datacenters": [)" +
                dc("b1") + R"(]}],
          "region_links": [{"from": "a", "to": "b", "bandwidth_gbps": 1, "latency_ms": 9}]})");
  REQUIRE(r.problems.empty());
  CHECK(r.layout.regions == std::vector<std::string>{"a", "b"});
  CHECK(r.layout.providers == std::vector<std::string>{"p", "q"});
  REQUIRE(r.layout.datacenters.size() == 3);
  CHECK(r.layout.datacenters[0].link_latency_ms == 1.0);  // the default
  CHECK(r.layout.datacenters[1].link_latency_ms == 3.0);
  CHECK(r.layout.datacenters[2].region == "b");
  CHECK(r.layout.region_links[0].latency_ms == 9.0);
}

TEST_CASE("a topology file is validated like a scenario") {
  const auto lines = problems_of(R"({"regions": [{"name": "a", "datacenters": [{"name": "x",
      "provider": "p", "link_gbps": 0}]}], "links": []})");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "/regions/0/datacenters/0/link_gbps: expected number in (0, 1000000], got 0");
  CHECK(lines[1].find("/links: expected one of the keys \"regions\", \"region_links\", got "
                      "\"links\"") == 0);
  CHECK(problems_of("{\"regions\": [}")[0].find("line 1, column 14: expected valid JSON") == 0);
}

TEST_CASE("datacenter names are unique across regions; link ends must be regions") {
  const auto lines = problems_of(R"({"regions": [{"name": "a", "datacenters": [)" + dc("x") +
                                 R"(]}, {"name": "b", "datacenters": [)" + dc("x") + R"(]}],
          "region_links": [{"from": "a", "to": "bb", "bandwidth_gbps": 1, "latency_ms": 1},
                           {"from": "a", "to": "a", "bandwidth_gbps": 1, "latency_ms": 1}]})");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "/regions/1/datacenters/0/name: expected a datacenter name not used "
        "elsewhere, got \"x\" again (also /regions/0/datacenters/0)");
  CHECK(lines[1] ==
        "/region_links/0/to: expected one of the regions \"a\", \"b\", got \"bb\" "
        "(did you mean \"b\"?)");
  CHECK(lines[2] == "/region_links/1/to: expected a region other than \"from\", got \"a\"");
}

TEST_CASE("repeated links and disconnected regions are rejected") {
  const std::string regions = R"({"regions": [{"name": "a", "datacenters": [)" + dc("a1") +
                              R"(]}, {"name": "b", "datacenters": [)" + dc("b1") +
                              R"(]}, {"name": "c", "datacenters": [)" + dc("c1") + "]}],";
  const std::string link = R"({"from": "a", "to": "b", "bandwidth_gbps": 1, "latency_ms": 1})";
  const std::string back = R"({"from": "b", "to": "a", "bandwidth_gbps": 1, "latency_ms": 1})";
  CHECK(problems_of(regions + "\"region_links\": [" + link + "," + back + "]}")[0] ==
        "/region_links/1: expected one link per pair of regions, got \"b\" - \"a\" again");
  CHECK(problems_of(regions + "\"region_links\": [" + link + "]}") ==
        std::vector<std::string>{"/region_links: expected links connecting every region, got "
                                 "\"c\" unreachable from \"a\""});
}

TEST_CASE("a generated layout has every datacenter and one link per region pair") {
  TopologyConfig t;
  t.regions = {"x", "y", "z"};
  t.datacenters_per_region = 3;
  t.providers = {"p", "q"};
  t.datacenter_link_gbps = 10;
  t.region_link_latency_ms = 50;
  const TopologyLayout layout = generate_layout(t);
  REQUIRE(layout.datacenters.size() == 9);
  CHECK(layout.datacenters[4].name == "y-dc1");
  CHECK(layout.datacenters[4].provider == "p");  // d = 4, 4 mod 2 = 0
  CHECK(layout.datacenters[5].provider == "q");
  CHECK(layout.datacenters[8].link_gbps == 10.0);
  REQUIRE(layout.region_links.size() == 3);
  CHECK(layout.region_links[2].from == "y");
  CHECK(layout.region_links[2].to == "z");
  CHECK(layout.region_links[2].latency_ms == 50.0);
}

}  // namespace sliversim::scenario
