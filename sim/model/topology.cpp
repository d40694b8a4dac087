// Topology: building the graph from a layout, and the all-region-pairs shortest paths.
#include "sim/model/topology.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/graph/dijkstra_shortest_paths.hpp>

namespace sliversim::model {
namespace {

constexpr double kBitsPerByte = 8.0;

std::int64_t latency_us_of_ms(double ms) { return std::llround(ms * 1000.0); }

double bytes_per_s_of_gbps(double gbps) { return gbps * 1e9 / kBitsPerByte; }

template <class Map>
std::uint32_t lookup(const Map& map, const std::string& name, const char* what) {
  const auto it = map.find(name);
  if (it == map.end()) {
    throw std::invalid_argument(std::string("topology: expected a known ") + what + ", got \"" +
                                name + "\"");
  }
  return it->second;
}

template <class Map>
void index_names(const std::vector<std::string>& names, Map& map, const char* what) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!map.emplace(names[i], static_cast<std::uint32_t>(i)).second) {
      throw std::invalid_argument(std::string("topology: expected unique ") + what +
                                  " names, got \"" + names[i] + "\" twice");
    }
  }
}

}  // namespace

Topology::Topology(const scenario::TopologyLayout& layout)
    : region_names_(layout.regions), provider_names_(layout.providers) {
  index_names(region_names_, region_index_, "region");
  index_names(provider_names_, provider_index_, "provider");
  for (std::size_t r = 0; r < region_names_.size(); ++r) {
    boost::add_vertex(Vertex{VertexKind::kRegion, static_cast<std::uint32_t>(r)}, graph_);
  }
  add_datacenters(layout);
  add_region_links(layout);
  compute_region_paths();
}

void Topology::add_datacenters(const scenario::TopologyLayout& layout) {
  for (const auto& dc : layout.datacenters) {
    const auto index = static_cast<std::uint32_t>(datacenters_.size());
    if (!datacenter_index_.emplace(dc.name, index).second) {
      throw std::invalid_argument("topology: expected unique datacenter names, got \"" + dc.name +
                                  "\" twice");
    }
    const std::uint32_t region = lookup(region_index_, dc.region, "region");
    const std::uint32_t provider = lookup(provider_index_, dc.provider, "provider");
    const std::size_t vertex = boost::add_vertex(Vertex{VertexKind::kDatacenter, index}, graph_);
    const LinkId link = id_at<LinkId>(links_.size());
    links_.push_back(Link{vertex, region, bytes_per_s_of_gbps(dc.link_gbps),
                          kernel::Ticks::microseconds(latency_us_of_ms(dc.link_latency_ms)), true});
    boost::add_edge(vertex, region, Edge{link, links_.back().latency.count()}, graph_);
    datacenters_.push_back(
        DatacenterInfo{dc.name, id_at<RegionId>(region), id_at<ProviderId>(provider), link});
  }
}

void Topology::add_region_links(const scenario::TopologyLayout& layout) {
  for (const auto& rl : layout.region_links) {
    const std::uint32_t from = lookup(region_index_, rl.from, "region");
    const std::uint32_t to = lookup(region_index_, rl.to, "region");
    if (from == to || boost::edge(from, to, graph_).second) {
      throw std::invalid_argument(
          "topology: expected at most one link between two distinct "
          "regions, got another between \"" +
          rl.from + "\" and \"" + rl.to + "\"");
    }
    const LinkId link = id_at<LinkId>(links_.size());
    links_.push_back(Link{from, to, bytes_per_s_of_gbps(rl.bandwidth_gbps),
                          kernel::Ticks::microseconds(latency_us_of_ms(rl.latency_ms)), false});
    boost::add_edge(from, to, Edge{link, links_.back().latency.count()}, graph_);
  }
}

void Topology::compute_region_paths() {
  const std::size_t regions = region_count();
  const std::size_t vertices = boost::num_vertices(graph_);
  region_distance_us_.assign(regions * regions, -1);
  region_predecessor_.assign(regions * vertices, 0);
  std::vector<std::int64_t> distance(vertices);
  std::vector<std::size_t> predecessor(vertices);
  const std::int64_t infinity = std::numeric_limits<std::int64_t>::max();
  for (std::size_t r = 0; r < regions; ++r) {
    boost::dijkstra_shortest_paths(graph_, r,
                                   boost::weight_map(boost::get(&Edge::latency_us, graph_))
                                       .distance_map(distance.data())
                                       .predecessor_map(predecessor.data())
                                       .distance_inf(infinity));
    for (std::size_t s = 0; s < regions; ++s) {
      if (distance[s] != infinity) region_distance_us_[r * regions + s] = distance[s];
    }
    std::copy(predecessor.begin(), predecessor.end(),
              region_predecessor_.begin() + static_cast<std::ptrdiff_t>(r * vertices));
  }
}

std::optional<RegionId> Topology::find_region(std::string_view name) const {
  const auto it = region_index_.find(name);
  if (it == region_index_.end()) return std::nullopt;
  return id_at<RegionId>(it->second);
}

std::optional<DatacenterId> Topology::find_datacenter(std::string_view name) const {
  const auto it = datacenter_index_.find(name);
  if (it == datacenter_index_.end()) return std::nullopt;
  return id_at<DatacenterId>(it->second);
}

std::optional<ProviderId> Topology::find_provider(std::string_view name) const {
  const auto it = provider_index_.find(name);
  if (it == provider_index_.end()) return std::nullopt;
  return id_at<ProviderId>(it->second);
}

kernel::Ticks Topology::latency(DatacenterId a, DatacenterId b) const {
  if (a == b) return kernel::Ticks{};
  const DatacenterInfo& da = datacenters_[index_of(a)];
  const DatacenterInfo& db = datacenters_[index_of(b)];
  const std::int64_t between =
      region_distance_us_[index_of(da.region) * region_count() + index_of(db.region)];
  if (between < 0) return kernel::Ticks::max();
  return link(da.uplink).latency + kernel::Ticks::microseconds(between) + link(db.uplink).latency;
}

std::vector<LinkId> Topology::path(DatacenterId a, DatacenterId b) const {
  if (a == b) return {};
  const DatacenterInfo& da = datacenters_[index_of(a)];
  const DatacenterInfo& db = datacenters_[index_of(b)];
  const std::size_t ra = index_of(da.region);
  const std::size_t rb = index_of(db.region);
  if (region_distance_us_[ra * region_count() + rb] < 0) return {};
  // Walk back from region b to region a along the predecessors of region a's Dijkstra run.
  const std::size_t vertices = boost::num_vertices(graph_);
  std::vector<LinkId> middle;
  for (std::size_t v = rb; v != ra;) {
    const std::size_t u = region_predecessor_[ra * vertices + v];
    middle.push_back(graph_[boost::edge(u, v, graph_).first].link);
    v = u;
  }
  std::vector<LinkId> links{da.uplink};
  links.insert(links.end(), middle.rbegin(), middle.rend());
  links.push_back(db.uplink);
  return links;
}

}  // namespace sliversim::model
