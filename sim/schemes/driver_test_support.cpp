// The fake scheme and the trace builder of driver_test_support.hpp.
#include "sim/schemes/driver_test_support.hpp"

#include <algorithm>

namespace sliversim::schemes::testing {

using kernel::Ticks;
using model::BlobIndex;
using model::NodeId;
using model::ShardId;

FakeScheme::FakeScheme(std::size_t n, std::size_t k, std::uint64_t unit_bytes, std::string name,
                       bool analytic)
    : n_(n), k_(k), unit_(unit_bytes), name_(std::move(name)), analytic_(analytic) {}

std::vector<std::uint8_t> FakeScheme::unit(BlobIndex blob, ShardId shard) const {
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(unit_));
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] =
        static_cast<std::uint8_t>(model::index_of(blob) * 31 + model::index_of(shard) * 7 + i);
  }
  return bytes;
}

void FakeScheme::encode(BlobIndex blob, BlobContent&, UnitStore& store) {
  if (analytic_) return;
  for (std::size_t s = 0; s < n_; ++s) {
    store.put(blob, model::id_at<ShardId>(s), unit(blob, model::id_at<ShardId>(s)));
  }
}

RepairPlan FakeScheme::plan_repair(BlobIndex, ShardId target,
                                   std::span<const ShardAvailability> shards) const {
  RepairPlan plan;
  std::size_t valid = 0;
  for (const ShardAvailability& a : shards) valid += a.state == UnitState::kValid ? 1 : 0;
  if (valid < k_) return plan;  // kUnrecoverable
  for (std::size_t i = 1; i < n_ && plan.helpers.size() < k_; ++i) {
    const std::size_t s = (model::index_of(target) + i) % n_;
    const ShardAvailability& a = shards[s];
    if (a.state == UnitState::kAbsent || !a.reachable || !a.honest) continue;
    HelperPart part{model::id_at<ShardId>(s), {}};
    part.bytes[ByteCategory::kFullBlob] = unit_;
    plan.helpers.push_back(part);
  }
  plan.kind = plan.helpers.size() == k_ ? PlanKind::kRepair : PlanKind::kWait;
  if (plan.kind == PlanKind::kWait) plan.helpers.clear();
  return plan;
}

std::vector<RepairResult> FakeScheme::execute_repairs(BlobIndex blob,
                                                      std::span<const RepairRequest> requests,
                                                      UnitStore& store) {
  std::vector<RepairResult> results;
  ++calls_;
  for (const RepairRequest& r : requests) {
    ++executions_;
    RepairResult result;
    result.outcome = RepairOutcome::kRebuilt;
    for (const HelperPart& h : r.plan->helpers) {
      const UnitState state = store.state(blob, h.helper);
      if (state == UnitState::kCorrupt) {
        result.outcome = RepairOutcome::kHelperLied;
        result.bad_helpers.push_back(h.helper);
      } else if (state != UnitState::kValid && result.outcome == RepairOutcome::kRebuilt) {
        result.outcome = RepairOutcome::kFailed;
      }
    }
    if (result.outcome == RepairOutcome::kRebuilt) store.put(blob, r.target, unit(blob, r.target));
    results.push_back(result);
  }
  return results;
}

TraceBuilder::TraceBuilder(std::uint32_t n_shards, double duration_s, double epoch_s,
                           std::uint64_t seed) {
  trace_.seed = seed;
  trace_.n_shards = n_shards;
  trace_.duration = Ticks::from_seconds(duration_s);
  trace_.epoch_length = Ticks::from_seconds(epoch_s);
  trace_.blob_class_names = {"test"};
  trace_.blob_class_weights = {1.0};
}

NodeId TraceBuilder::node(double uplink_bytes_per_s, double downlink_bytes_per_s) {
  model::NodeInfo info;
  info.id = model::id_at<NodeId>(trace_.nodes.size());
  info.stake = 1.0;
  info.uplink_bytes_per_s = uplink_bytes_per_s;
  info.downlink_bytes_per_s = downlink_bytes_per_s;
  trace_.nodes.push_back(info);
  trace_.initial_nodes = static_cast<std::uint32_t>(trace_.nodes.size());
  return info.id;
}

void TraceBuilder::adversary(NodeId node, scenario::AdversaryAction action, double fraction,
                             double at_s) {
  model::AdversaryRole role;
  role.action = action;
  role.sliver_fraction = fraction;
  role.acts_at = Ticks::from_seconds(at_s);
  trace_.nodes[model::index_of(node)].adversary = role;
  event(at_s, model::WorldEventKind::kAdversaryStart, node);
}

BlobIndex TraceBuilder::blob(std::uint64_t size, double weight, double at_s) {
  model::BlobRecord record;
  record.id = model::id_at<BlobIndex>(trace_.blobs.size());
  record.size_bytes = size;
  record.weight = weight;
  record.written_at = Ticks::from_seconds(at_s);
  record.expires_at = Ticks::max();
  trace_.blobs.push_back(record);
  event(at_s, model::WorldEventKind::kBlobWrite, model::kNoNode,
        static_cast<std::uint32_t>(model::index_of(record.id)));
  return record.id;
}

void TraceBuilder::epoch(double at_s, std::vector<NodeId> owners) {
  model::EpochRecord record;
  record.epoch = static_cast<std::uint32_t>(trace_.epochs.size());
  record.start = Ticks::from_seconds(at_s);
  record.committee = owners;
  std::sort(record.committee.begin(), record.committee.end());
  record.committee.erase(std::unique(record.committee.begin(), record.committee.end()),
                         record.committee.end());
  record.owners = std::move(owners);
  trace_.epochs.push_back(std::move(record));
  event(at_s, model::WorldEventKind::kEpochStart, model::kNoNode,
        static_cast<std::uint32_t>(trace_.epochs.size() - 1));
}

void TraceBuilder::event(double at_s, model::WorldEventKind kind, NodeId node,
                         std::uint32_t index) {
  trace_.events.push_back({Ticks::from_seconds(at_s), kind, model::EventCause::kNone, node, index});
}

model::WorldTrace TraceBuilder::build() const {
  model::WorldTrace trace = trace_;
  std::stable_sort(trace.events.begin(), trace.events.end(),
                   [](const model::WorldEvent& a, const model::WorldEvent& b) {
                     if (a.time != b.time) return a.time < b.time;
                     return model::world_event_phase(a.kind) < model::world_event_phase(b.kind);
                   });
  for (std::size_t e = 0; e < trace.epochs.size(); ++e) {
    trace.epochs[e].end = e + 1 < trace.epochs.size() ? trace.epochs[e + 1].start : trace.duration;
  }
  return trace;
}

}  // namespace sliversim::schemes::testing
