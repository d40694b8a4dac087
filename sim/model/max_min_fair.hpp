// Max-min fair rate allocation by progressive filling (Bertsekas & Gallager, "Data Networks",
// §6.5.2): every flow crosses a set of resources of given capacity; all rates rise together until
// a resource saturates, whose flows are then frozen at its fair share, and the rest continue.
// The result is the unique allocation in which no flow can be raised without lowering a flow
// whose rate is not larger; every flow has a bottleneck (a saturated resource on which no other
// flow is faster). Knows nothing of nodes or time: the Network builds one problem per
// recomputation and reads the rates back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sliversim::model {

class MaxMinFairSolver {
 public:
  // Forgets the current problem and its solution, keeping the memory for the next one.
  void clear();

  // Adds a resource with `capacity` (rate units, e.g. bytes per second) and returns its index
  // (0, 1, ... in call order). tie_key orders resources whose fair shares are exactly equal
  // (smaller first); with keys that identify resources globally, solving a connected part of a
  // larger problem alone gives bit-identical rates to solving the whole.
  // REQUIRES: capacity finite and >= 0; tie keys distinct within one problem.
  std::uint32_t add_resource(double capacity, std::uint64_t tie_key);

  // Adds a flow crossing the given resources (indices from add_resource) and returns its index
  // (0, 1, ... in call order). REQUIRES: at least one resource, all added, no duplicates.
  std::uint32_t add_flow(std::span<const std::uint32_t> resources);

  // Computes the max-min fair rates of all flows. A resource of capacity 0 freezes its flows at
  // rate 0. Cost O((F·k + R) log R) for F flows of k resources each and R resources.
  void solve();

  // The rate of a flow after solve(). REQUIRES: flow < flow_count(), solve() called since the
  // last change.
  double rate(std::uint32_t flow) const { return rate_[flow]; }
  // The sum of the rates of the flows crossing a resource after solve() (accumulated in the
  // order the flows froze). REQUIRES: resource < resource_count().
  double used(std::uint32_t resource) const { return used_[resource]; }

  std::size_t flow_count() const { return rate_.size(); }
  std::size_t resource_count() const { return capacity_.size(); }

 private:
  // A heap entry: a resource and its fair share when pushed (a lower bound of its current share,
  // since shares only grow during progressive filling).
  struct Entry {
    double share;
    std::uint64_t tie_key;
    std::uint32_t resource;
  };

  void build_resource_index();
  void freeze(std::uint32_t resource, double level);

  std::vector<double> capacity_;
  std::vector<std::uint64_t> tie_key_;
  std::vector<std::uint32_t> flow_offset_{0};  // resources of flow f: [offset[f], offset[f+1])
  std::vector<std::uint32_t> flow_resources_;
  std::vector<double> rate_;  // negative while a flow is unfrozen

  std::vector<double> remaining_;          // capacity not yet given to frozen flows
  std::vector<double> used_;               // rates given to frozen flows
  std::vector<std::uint32_t> unfrozen_;    // flows not yet frozen on each resource
  std::vector<std::uint32_t> res_offset_;  // flows of resource r: [res_offset[r], [r+1])
  std::vector<std::uint32_t> res_flows_;
  std::vector<Entry> heap_;
};

}  // namespace sliversim::model
