// Topology layouts: the one a generated topology expands to, and the one read from a topology
// file (JSON, validated by its own schema with the same strictness as a scenario).
#pragma once

#include <filesystem>
#include <string>

#include "sim/scenario/config.hpp"
#include "sim/scenario/problem.hpp"

namespace sliversim::scenario {

// The layout of a generated topology, as TopologyConfig documents: datacenter i of region r is
// "<r>-dc<i>", datacenter number d (region by region) is run by providers[d mod #providers],
// one link per pair of regions (in list order). REQUIRES: source == kGenerated, non-empty lists.
TopologyLayout generate_layout(const TopologyConfig& topology);

// The result of reading a topology file.
struct TopologyFileResult {
  TopologyLayout layout;  // valid only when problems is empty
  Problems problems;      // pointers into the topology file ("/regions/0/name"), or
                          // "line L, column C" for its syntax
};

// Reads and validates a topology file:
//   {"regions": [{"name": R, "datacenters": [{"name": D, "provider": P,
//                 "link_gbps": G, "link_latency_ms": L}, ...]}, ...],
//    "region_links": [{"from": R1, "to": R2, "bandwidth_gbps": G, "latency_ms": L}, ...]}
// Checks beyond types and ranges: region and datacenter names unique, link ends are regions
// (with "did you mean"), no self or repeated links, the regions connected by the links.
// Providers are listed in order of first appearance.
TopologyFileResult load_topology_file(const std::filesystem::path& path);

// The topology file's key reference (markdown), for scenarios/README.md.
std::string topology_file_reference();

}  // namespace sliversim::scenario
