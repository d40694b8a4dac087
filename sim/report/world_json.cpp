// world_json: per-epoch series and totals of the world.
//
// world.per_epoch[i]: epoch, start_us / end_us (integer µs) and start_days / end_days,
// committee_size (members at the start), alive_nodes / up_nodes (at the end), failures
// {permanent, transient, correlated, trace}, deaths, correlated_incidents, data_losses, joins,
// leaves (at its end), shard_moves / cooperative_moves (at its start), max_shards_per_node,
// blobs_written, blobs_expired, live_blobs (at the end), challenge_rounds, adversaries_started.
// world.summary: the sums of the counts over all epochs, plus epochs, world_events,
// kernel_events, initial_nodes, final_alive_nodes, min/max committee size, peak_live_blobs.
#include "sim/report/world_json.hpp"

#include <algorithm>

namespace sliversim::report {
namespace {

nlohmann::json failures_json(const model::EpochStats& s) {
  return {{"permanent", s.failures_permanent},
          {"transient", s.failures_transient},
          {"correlated", s.failures_correlated},
          {"trace", s.failures_trace}};
}

// The counts that add up over epochs, by their JSON keys.
nlohmann::json additive_counts(const model::EpochStats& s) {
  return {{"failures", failures_json(s)},
          {"deaths", s.deaths},
          {"correlated_incidents", s.correlated_incidents},
          {"data_losses", s.data_losses},
          {"joins", s.joins},
          {"leaves", s.leaves},
          {"shard_moves", s.shard_moves},
          {"cooperative_moves", s.cooperative_moves},
          {"blobs_written", s.blobs_written},
          {"blobs_expired", s.blobs_expired},
          {"challenge_rounds", s.challenge_rounds},
          {"adversaries_started", s.adversaries_started}};
}

model::EpochStats sum_stats(const std::vector<model::EpochRecord>& epochs) {
  model::EpochStats t;
  for (const auto& e : epochs) {
    const model::EpochStats& s = e.stats;
    t.failures_permanent += s.failures_permanent;
    t.failures_transient += s.failures_transient;
    t.failures_correlated += s.failures_correlated;
    t.failures_trace += s.failures_trace;
    t.deaths += s.deaths;
    t.correlated_incidents += s.correlated_incidents;
    t.data_losses += s.data_losses;
    t.joins += s.joins;
    t.leaves += s.leaves;
    t.shard_moves += s.shard_moves;
    t.cooperative_moves += s.cooperative_moves;
    t.blobs_written += s.blobs_written;
    t.blobs_expired += s.blobs_expired;
    t.challenge_rounds += s.challenge_rounds;
    t.adversaries_started += s.adversaries_started;
  }
  return t;
}

nlohmann::json summary_json(const model::WorldTrace& trace) {
  nlohmann::json out = additive_counts(sum_stats(trace.epochs));
  std::uint32_t min_committee =
      trace.epochs.empty() ? 0 : trace.epochs.front().stats.committee_size;
  std::uint32_t max_committee = 0;
  std::uint32_t peak_live = 0;
  for (const auto& e : trace.epochs) {
    min_committee = std::min(min_committee, e.stats.committee_size);
    max_committee = std::max(max_committee, e.stats.committee_size);
    peak_live = std::max(peak_live, e.stats.live_blobs_end);
  }
  out["epochs"] = trace.epochs.size();
  out["world_events"] = trace.events.size();
  out["kernel_events"] = trace.kernel_events;
  out["initial_nodes"] = trace.initial_nodes;
  out["final_alive_nodes"] = trace.epochs.empty() ? 0 : trace.epochs.back().stats.alive_nodes_end;
  out["min_committee_size"] = min_committee;
  out["max_committee_size"] = max_committee;
  out["peak_live_blobs"] = peak_live;
  return out;
}

nlohmann::json node_classes_json(const model::WorldTrace& trace) {
  const std::size_t classes = trace.node_class_names.size();
  std::vector<std::uint32_t> initial(classes, 0);
  std::vector<std::uint32_t> joined(classes, 0);
  std::vector<std::uint32_t> adversarial(classes, 0);
  for (const auto& node : trace.nodes) {
    const std::size_t c = model::index_of(node.node_class);
    ++(node.initial ? initial : joined)[c];
    adversarial[c] += node.adversary ? 1U : 0U;
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t c = 0; c < classes; ++c) {
    out.push_back({{"name", trace.node_class_names[c]},
                   {"initial", initial[c]},
                   {"joined", joined[c]},
                   {"adversarial", adversarial[c]}});
  }
  return out;
}

nlohmann::json blob_classes_json(const model::WorldTrace& trace) {
  const std::size_t classes = trace.blob_class_names.size();
  std::vector<std::uint64_t> count(classes, 0);
  std::vector<std::uint64_t> bytes(classes, 0);
  for (const auto& blob : trace.blobs) {
    ++count[model::index_of(blob.blob_class)];
    bytes[model::index_of(blob.blob_class)] += blob.size_bytes;
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t c = 0; c < classes; ++c) {
    out.push_back({{"name", trace.blob_class_names[c]},
                   {"weight", trace.blob_class_weights[c]},
                   {"written", count[c]},
                   {"representative_bytes_written", bytes[c]}});
  }
  return out;
}

}  // namespace

nlohmann::json epoch_json(const model::EpochRecord& epoch) {
  nlohmann::json out = additive_counts(epoch.stats);
  const std::uint32_t max_shards =
      epoch.shard_counts.empty()
          ? 0
          : *std::max_element(epoch.shard_counts.begin(), epoch.shard_counts.end());
  out["epoch"] = epoch.epoch;
  out["start_us"] = epoch.start.count();
  out["end_us"] = epoch.end.count();
  out["start_days"] = epoch.start.to_days();
  out["end_days"] = epoch.end.to_days();
  out["committee_size"] = epoch.stats.committee_size;
  out["alive_nodes"] = epoch.stats.alive_nodes_end;
  out["up_nodes"] = epoch.stats.up_nodes_end;
  out["live_blobs"] = epoch.stats.live_blobs_end;
  out["max_shards_per_node"] = max_shards;
  return out;
}

nlohmann::json world_json(const model::WorldTrace& trace) {
  nlohmann::json per_epoch = nlohmann::json::array();
  for (const auto& epoch : trace.epochs) per_epoch.push_back(epoch_json(epoch));
  return {{"shards", trace.n_shards},
          {"duration_days", trace.duration.to_days()},
          {"epoch_length_hours", trace.epoch_length.to_hours()},
          {"node_classes", node_classes_json(trace)},
          {"blob_classes", blob_classes_json(trace)},
          {"summary", summary_json(trace)},
          {"per_epoch", std::move(per_epoch)}};
}

}  // namespace sliversim::report
