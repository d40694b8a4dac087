// The network topology as a Boost.Graph (adjacency_list with vecS storage, so vertex and edge
// order, and therefore shortest paths, are the same on every run): one vertex per region and per
// datacenter, one edge per link. A datacenter's only link joins it to its region; region links
// join regions. Latency between two datacenters is the shortest path by latency, computed once
// per region pair at construction (Dijkstra), so every query afterwards is O(1) and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "sim/kernel/ticks.hpp"
#include "sim/model/ids.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class Topology {
 public:
  // What a graph vertex stands for.
  enum class VertexKind : std::uint8_t { kRegion, kDatacenter };
  // A graph vertex: a region or a datacenter, by its index in the layout.
  struct Vertex {
    VertexKind kind = VertexKind::kRegion;
    std::uint32_t entity = 0;
  };
  // A graph edge: the link it stands for.
  struct Edge {
    LinkId link{};
    std::int64_t latency_us = 0;
  };
  // The graph type: vecS storage, so iteration order is insertion order on every run.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, Vertex, Edge>;

  // A link: a datacenter's link to its region (ids 0..datacenters-1, in datacenter order) or a
  // region link (the next ids, in layout order).
  struct Link {
    std::size_t vertex_a = 0;  // the datacenter, or the `from` region
    std::size_t vertex_b = 0;  // the region, or the `to` region
    double bandwidth_bytes_per_s = 0.0;
    kernel::Ticks latency;  // rounded to the microsecond
    bool datacenter_link = false;
  };

  // The topology of `layout`. Throws std::invalid_argument naming the problem when a datacenter
  // names an unknown region or provider, a link names an unknown region, or two regions are
  // linked twice (the scenario loader rejects all of these first).
  explicit Topology(const scenario::TopologyLayout& layout);

  // How many entities of each kind there are (ids run from 0 to the count - 1).
  std::size_t region_count() const { return region_names_.size(); }
  std::size_t datacenter_count() const { return datacenters_.size(); }
  std::size_t provider_count() const { return provider_names_.size(); }
  std::size_t link_count() const { return links_.size(); }

  // Names of entities. REQUIRES: the id is below the matching count.
  const std::string& region_name(RegionId id) const { return region_names_[index_of(id)]; }
  const std::string& provider_name(ProviderId id) const { return provider_names_[index_of(id)]; }
  const std::string& datacenter_name(DatacenterId id) const {
    return datacenters_[index_of(id)].name;
  }

  // The entity with this name, or nullopt when there is none.
  std::optional<RegionId> find_region(std::string_view name) const;
  std::optional<DatacenterId> find_datacenter(std::string_view name) const;
  std::optional<ProviderId> find_provider(std::string_view name) const;

  // Where a datacenter is and who runs it. REQUIRES: id < datacenter_count().
  RegionId region_of(DatacenterId id) const { return datacenters_[index_of(id)].region; }
  ProviderId provider_of(DatacenterId id) const { return datacenters_[index_of(id)].provider; }

  // A link. REQUIRES: id < link_count().
  const Link& link(LinkId id) const { return links_[index_of(id)]; }

  // The latency of the lowest-latency path between two datacenters: zero within one
  // datacenter, Ticks::max() when the regions are not connected. REQUIRES: ids in range.
  kernel::Ticks latency(DatacenterId a, DatacenterId b) const;

  // The links of that path, from a to b: empty within one datacenter or when unreachable.
  // REQUIRES: ids in range.
  std::vector<LinkId> path(DatacenterId a, DatacenterId b) const;

  // The graph itself (vertex i < region_count() is region i; then datacenter j is vertex
  // region_count() + j).
  const Graph& graph() const { return graph_; }

 private:
  struct DatacenterInfo {
    std::string name;
    RegionId region{};
    ProviderId provider{};
    LinkId uplink{};
  };

  void add_datacenters(const scenario::TopologyLayout& layout);
  void add_region_links(const scenario::TopologyLayout& layout);
  void compute_region_paths();

  std::vector<std::string> region_names_;
  std::vector<std::string> provider_names_;
  std::vector<DatacenterInfo> datacenters_;
  std::vector<Link> links_;
  std::map<std::string, std::uint32_t, std::less<>> region_index_;
  std::map<std::string, std::uint32_t, std::less<>> provider_index_;
  std::map<std::string, std::uint32_t, std::less<>> datacenter_index_;
  Graph graph_;
  // region_distance_us_[a * R + b]: shortest latency between regions a and b (-1: unreachable);
  // region_predecessor_[a * R + v]: the vertex before v on the shortest path from region a.
  std::vector<std::int64_t> region_distance_us_;
  std::vector<std::size_t> region_predecessor_;
};

}  // namespace sliversim::model
