// Topology layouts: generated from the scenario's numbers, or read from a validated file.
#include "sim/scenario/topology_file.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "sim/scenario/scenario_schema.hpp"
#include "sim/scenario/schema_doc.hpp"
#include "sim/scenario/strict_json.hpp"
#include "sim/scenario/suggest.hpp"
#include "sim/scenario/validator.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

struct FileDatacenter {
  std::string name;
  std::string provider;
  double link_gbps = 0.0;
  double link_latency_ms = 0.0;
};

struct FileRegion {
  std::string name;
  std::vector<FileDatacenter> datacenters;
};

struct FileTopology {
  std::vector<FileRegion> regions;
  std::vector<RegionLinkConfig> region_links;
};

constexpr std::size_t kMaxItems = 100000;

const StructSpec<FileTopology>& file_spec() {
  static const StructSpec<FileTopology> spec = [] {
    const auto dc = StructSpec<FileDatacenter>::object(
        "a datacenter", {string_key("name", &FileDatacenter::name, true, required(),
                                    "datacenter name, unique in the file"),
                         string_key("provider", &FileDatacenter::provider, true, required(),
                                    "the provider running it"),
                         number_key("link_gbps", &FileDatacenter::link_gbps, positive(kMaxGbps),
                                    required(), "Gbit/s", "bandwidth of its link to the region"),
                         number_key("link_latency_ms", &FileDatacenter::link_latency_ms,
                                    non_negative(kMaxLatencyMs), by_default(1), "ms",
                                    "latency of its link to the region")});
    const auto region = StructSpec<FileRegion>::object(
        "a region", {string_key("name", &FileRegion::name, true, required(), "region name, unique"),
                     struct_list_key("datacenters", &FileRegion::datacenters, dc,
                                     {1, kMaxItems, "name"}, required(), "its datacenters")});
    const auto link = StructSpec<RegionLinkConfig>::object(
        "a link between two regions",
        {string_key("from", &RegionLinkConfig::from, true, required(), "one region"),
         string_key("to", &RegionLinkConfig::to, true, required(), "the other region"),
         number_key("bandwidth_gbps", &RegionLinkConfig::bandwidth_gbps, positive(kMaxGbps),
                    required(), "Gbit/s", "link bandwidth"),
         number_key("latency_ms", &RegionLinkConfig::latency_ms, non_negative(kMaxLatencyMs),
                    required(), "ms", "link latency")});
    return StructSpec<FileTopology>::object(
        "a topology file",
        {struct_list_key("regions", &FileTopology::regions, region, {1, kMaxItems, "name"},
                         required(), "the regions"),
         struct_list_key("region_links", &FileTopology::region_links, link, {0, kMaxItems, ""},
                         by_default(json::array()),
                         "links between regions (undirected); they must connect all regions")});
  }();
  return spec;
}

void check_datacenter_names(const FileTopology& t, Problems& out) {
  std::map<std::string, std::string> seen;  // name -> pointer of its first use
  for (std::size_t r = 0; r < t.regions.size(); ++r) {
    for (std::size_t d = 0; d < t.regions[r].datacenters.size(); ++d) {
      const std::string& name = t.regions[r].datacenters[d].name;
      const std::string ptr = "/regions/" + std::to_string(r) + "/datacenters/" + std::to_string(d);
      const auto [it, fresh] = seen.emplace(name, ptr);
      if (!fresh) {
        out.push_back({ptr + "/name", "expected a datacenter name not used elsewhere, got \"" +
                                          name + "\" again (also " + it->second + ")"});
      }
    }
  }
}

// Each link joins two different, existing regions, at most once per pair. Adds the links to
// `adjacent`; returns false when any link is bad.
bool check_link_ends(const FileTopology& t, const std::vector<std::string>& regions,
                     std::map<std::string, std::set<std::string>>& adjacent, Problems& out) {
  std::set<std::pair<std::string, std::string>> pairs;
  const std::size_t before = out.size();
  for (std::size_t i = 0; i < t.region_links.size(); ++i) {
    const RegionLinkConfig& l = t.region_links[i];
    const std::string ptr = "/region_links/" + std::to_string(i);
    bool ends_ok = true;
    for (const auto& [key, end] : {std::pair{"from", l.from}, std::pair{"to", l.to}}) {
      if (std::find(regions.begin(), regions.end(), end) != regions.end()) continue;
      out.push_back({ptr + "/" + key, "expected one of the regions " + quoted_list(regions) +
                                          ", got \"" + end + "\"" + did_you_mean(end, regions)});
      ends_ok = false;
    }
    if (!ends_ok) continue;
    if (l.from == l.to) {
      out.push_back({ptr + "/to", "expected a region other than \"from\", got \"" + l.to + "\""});
    } else if (!pairs.insert(std::minmax(l.from, l.to)).second) {
      out.push_back({ptr, "expected one link per pair of regions, got \"" + l.from + "\" - \"" +
                              l.to + "\" again"});
    }
    adjacent[l.from].insert(l.to);
    adjacent[l.to].insert(l.from);
  }
  return out.size() == before;
}

// Every region is reachable from the first over the links (a depth-first walk).
void check_connected(const std::vector<std::string>& regions,
                     std::map<std::string, std::set<std::string>>& adjacent, Problems& out) {
  std::set<std::string> reached = {regions.front()};
  std::vector<std::string> frontier = {regions.front()};
  while (!frontier.empty()) {
    const std::string r = frontier.back();
    frontier.pop_back();
    for (const auto& next : adjacent[r]) {
      if (reached.insert(next).second) frontier.push_back(next);
    }
  }
  for (const auto& r : regions) {
    if (reached.count(r) != 0U) continue;
    out.push_back({"/region_links", "expected links connecting every region, got \"" + r +
                                        "\" unreachable from \"" + regions.front() + "\""});
  }
}

void check_links(const FileTopology& t, const std::vector<std::string>& regions, Problems& out) {
  std::map<std::string, std::set<std::string>> adjacent;
  if (check_link_ends(t, regions, adjacent, out) && regions.size() > 1) {
    check_connected(regions, adjacent, out);
  }
}

TopologyLayout to_layout(const FileTopology& t) {
  TopologyLayout layout;
  for (const auto& r : t.regions) {
    layout.regions.push_back(r.name);
    for (const auto& d : r.datacenters) {
      layout.datacenters.push_back({d.name, r.name, d.provider, d.link_gbps, d.link_latency_ms});
      if (std::find(layout.providers.begin(), layout.providers.end(), d.provider) ==
          layout.providers.end()) {
        layout.providers.push_back(d.provider);
      }
    }
  }
  layout.region_links = t.region_links;
  return layout;
}

}  // namespace

TopologyLayout generate_layout(const TopologyConfig& topology) {
  TopologyLayout layout;
  layout.regions = topology.regions;
  layout.providers = topology.providers;
  std::size_t d = 0;
  for (const auto& region : topology.regions) {
    for (std::uint32_t i = 0; i < topology.datacenters_per_region; ++i, ++d) {
      layout.datacenters.push_back({region + "-dc" + std::to_string(i), region,
                                    topology.providers[d % topology.providers.size()],
                                    topology.datacenter_link_gbps,
                                    topology.datacenter_link_latency_ms});
    }
  }
  for (std::size_t a = 0; a < topology.regions.size(); ++a) {
    for (std::size_t b = a + 1; b < topology.regions.size(); ++b) {
      layout.region_links.push_back({topology.regions[a], topology.regions[b],
                                     topology.region_link_gbps, topology.region_link_latency_ms});
    }
  }
  return layout;
}

TopologyFileResult load_topology_file(const std::filesystem::path& path) {
  TopologyFileResult result;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  ParsedJson parsed = parse_strict_json(text.str());
  result.problems = std::move(parsed.problems);
  if (!parsed.syntax_ok) return result;
  const json resolved =
      validate_document(file_spec().spec(), parsed.value, {path.parent_path()}, result.problems);
  FileTopology topology;
  file_spec().bind(resolved, topology);
  result.layout = to_layout(topology);
  // One report per mistake: each check runs only on keys without problems so far.
  const Problems before = result.problems;
  if (!any_overlap(before, {"/regions/*/datacenters/*/name"})) {
    check_datacenter_names(topology, result.problems);
  }
  if (!any_overlap(before, {"/regions/*/name", "/region_links"})) {
    check_links(topology, result.layout.regions, result.problems);
  }
  return result;
}

std::string topology_file_reference() {
  return key_reference(file_spec().spec(), "a topology file");
}

}  // namespace sliversim::scenario
