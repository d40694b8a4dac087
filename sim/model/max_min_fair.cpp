// Progressive filling with a lazy min-heap of resources keyed by fair share.
#include "sim/model/max_min_fair.hpp"

#include <algorithm>
#include <cmath>

#include "sim/kernel/invariant.hpp"

namespace sliversim::model {

namespace {

// Heap order for std::push_heap (a max-heap): the entry with the smallest (share, tie_key) on top.
struct LaterEntry {
  template <class E>
  bool operator()(const E& a, const E& b) const {
    if (a.share != b.share) return a.share > b.share;
    return a.tie_key > b.tie_key;
  }
};

}  // namespace

void MaxMinFairSolver::clear() {
  capacity_.clear();
  tie_key_.clear();
  flow_offset_.assign(1, 0);
  flow_resources_.clear();
  rate_.clear();
}

std::uint32_t MaxMinFairSolver::add_resource(double capacity, std::uint64_t tie_key) {
  kernel::check_invariant(std::isfinite(capacity) && capacity >= 0.0,
                          "max-min solver: resource capacity must be finite and >= 0");
  capacity_.push_back(capacity);
  tie_key_.push_back(tie_key);
  return static_cast<std::uint32_t>(capacity_.size() - 1);
}

std::uint32_t MaxMinFairSolver::add_flow(std::span<const std::uint32_t> resources) {
  kernel::check_invariant(!resources.empty(), "max-min solver: a flow needs a resource");
  for (std::size_t i = 0; i < resources.size(); ++i) {
    kernel::check_invariant(resources[i] < capacity_.size(), "max-min solver: unknown resource");
    for (std::size_t j = 0; j < i; ++j) {
      kernel::check_invariant(resources[i] != resources[j], "max-min solver: repeated resource");
    }
  }
  for (const std::uint32_t r : resources) flow_resources_.push_back(r);
  flow_offset_.push_back(static_cast<std::uint32_t>(flow_resources_.size()));
  rate_.push_back(-1.0);
  return static_cast<std::uint32_t>(rate_.size() - 1);
}

// The flows of each resource, in flow index order (counting sort of flow_resources_).
void MaxMinFairSolver::build_resource_index() {
  const std::size_t resources = capacity_.size();
  res_offset_.assign(resources + 1, 0);
  for (const std::uint32_t r : flow_resources_) ++res_offset_[r + 1];
  for (std::size_t r = 0; r < resources; ++r) res_offset_[r + 1] += res_offset_[r];
  res_flows_.resize(flow_resources_.size());
  std::vector<std::uint32_t>& cursor = unfrozen_;  // reused as fill positions, reset below
  cursor.assign(res_offset_.begin(), res_offset_.end() - 1);
  for (std::uint32_t f = 0; f + 1 < flow_offset_.size(); ++f) {
    for (std::uint32_t i = flow_offset_[f]; i < flow_offset_[f + 1]; ++i) {
      res_flows_[cursor[flow_resources_[i]]++] = f;
    }
  }
  for (std::size_t r = 0; r < resources; ++r) unfrozen_[r] = res_offset_[r + 1] - res_offset_[r];
}

void MaxMinFairSolver::solve() {
  build_resource_index();
  const std::size_t resources = capacity_.size();
  remaining_.assign(capacity_.begin(), capacity_.end());
  used_.assign(resources, 0.0);
  std::fill(rate_.begin(), rate_.end(), -1.0);
  heap_.clear();
  for (std::uint32_t r = 0; r < resources; ++r) {
    if (unfrozen_[r] == 0) continue;
    heap_.push_back({capacity_[r] / unfrozen_[r], tie_key_[r], r});
  }
  std::make_heap(heap_.begin(), heap_.end(), LaterEntry{});
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), LaterEntry{});
    const Entry top = heap_.back();
    heap_.pop_back();
    const std::uint32_t r = top.resource;
    if (unfrozen_[r] == 0) continue;
    const double share = remaining_[r] / unfrozen_[r];
    if (share > top.share) {
      // Its share grew since the entry was pushed: re-queue it at the current share.
      heap_.push_back({share, top.tie_key, r});
      std::push_heap(heap_.begin(), heap_.end(), LaterEntry{});
      continue;
    }
    freeze(r, share);
  }
}

// Freezes every unfrozen flow of `resource` at `level` and takes it from all their resources.
// Determinism: the same value is subtracted for each flow, so their order cannot change results.
void MaxMinFairSolver::freeze(std::uint32_t resource, double level) {
  for (std::uint32_t i = res_offset_[resource]; i < res_offset_[resource + 1]; ++i) {
    const std::uint32_t f = res_flows_[i];
    if (rate_[f] >= 0.0) continue;
    rate_[f] = level;
    for (std::uint32_t j = flow_offset_[f]; j < flow_offset_[f + 1]; ++j) {
      const std::uint32_t q = flow_resources_[j];
      remaining_[q] = std::max(0.0, remaining_[q] - level);
      used_[q] += level;
      --unfrozen_[q];
    }
  }
}

}  // namespace sliversim::model
