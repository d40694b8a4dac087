// Repairs in one scheme: a lost unit is planned after the detection delay; the units planned at
// the same instant are grouped into one job per recovering node (all its shards); the job's helper
// bytes (weighted) are summed per helper node into one flow each. The codec rebuilds the units
// from real bytes right after planning, one execute_repairs per blob with every target planned at
// that instant (helpers serve them from one expansion); the results stay hidden until the job's
// last flow completes, then count (or are dropped if the job is cut). A lying helper is excluded
// and the unit re-planned; a unit that cannot be repaired yet waits for the next change of
// availability; an unrecoverable one makes its blob lost.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <system_error>
#include <thread>

#include "sim/schemes/driver.hpp"

namespace sliversim::schemes {

using kernel::Ticks;
using model::BlobIndex;
using model::NodeId;
using model::ShardId;

namespace {
constexpr std::uint64_t kTagRepairPlan = 0x5250000000000000ULL;
constexpr std::uint64_t kTagRepairDone = 0x5244000000000000ULL;
}  // namespace

void SchemeDriver::request_repair(BlobIndex blob, ShardId shard, Ticks delay) {
  const BlobStatus& b = blobs_[model::index_of(blob)];
  if (!b.live || b.lost) return;
  const UnitKey key{static_cast<std::uint32_t>(blob), static_cast<std::uint32_t>(shard)};
  if (!repairs_.try_emplace(key).second) return;
  enqueue(key, delay);
}

void SchemeDriver::enqueue(UnitKey key, Ticks delay) {
  UnitRepair& r = repairs_[key];
  r.stage = RepairStage::kDetecting;
  r.job = 0;
  const Ticks due = sim_.now() + delay;
  auto [it, inserted] = due_.try_emplace(due);
  it->second.push_back(key);
  if (inserted) {
    sim_.schedule_at(due, kPhaseRepairPlan, kTagRepairPlan,
                     [this, due](kernel::Simulator&) { plan_due(due); });
  }
}

void SchemeDriver::plan_due(Ticks due) {
  auto node = due_.extract(due);
  if (node.empty()) return;
  // Determinism: units grouped by recovering node, each group in (blob, shard) order, whatever
  // order they were requested in.
  std::map<NodeId, std::vector<UnitKey>> by_node;
  for (const UnitKey& key : node.mapped()) {
    const auto it = repairs_.find(key);
    if (it == repairs_.end() || it->second.stage != RepairStage::kDetecting) continue;
    if (unit_state(model::id_at<BlobIndex>(key.first), model::id_at<ShardId>(key.second)) ==
        UnitState::kValid) {
      repairs_.erase(it);
      continue;
    }
    by_node[owners_[key.second]].push_back(key);
  }
  std::vector<std::uint64_t> planned;
  for (auto& [owner, keys] : by_node) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (const std::uint64_t id = plan_job(owner, keys); id != 0) planned.push_back(id);
  }
  execute_planned(planned);
}

UnitState SchemeDriver::unit_state(BlobIndex blob, ShardId shard) const {
  if (!hidden_.empty()) {
    const auto it =
        hidden_.find({static_cast<std::uint32_t>(blob), static_cast<std::uint32_t>(shard)});
    if (it != hidden_.end()) return it->second.shown;
  }
  return store_.state(blob, shard);
}

// One blob's share of a batch of planned units, and what its execute_repairs call returned.
struct SchemeDriver::BlobRepairs {
  BlobIndex blob;
  std::vector<std::pair<std::uint64_t, JobUnit*>> units;  // (job id, unit), in (job, unit) order
  std::vector<RepairRequest> requests;
  std::vector<UnitState> shown;  // each unit's state as the driver showed it before the batch
  std::vector<RepairResult> results;
};

namespace {

// Runs fn(i) for i in [0, count) on up to `workers` threads (fewer if the system has no more),
// items taken in turn; rethrows the first exception (by item) once all are done.
template <class Fn>
void for_each_item(std::size_t count, std::size_t workers, Fn fn) {
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        fn(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(workers, count); ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads: the items are shared among those running
    }
  }
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace

void SchemeDriver::execute_planned(const std::vector<std::uint64_t>& ids) {
  if (scheme_.analytic()) return;  // nothing to rebuild: units are put when jobs complete
  // Determinism: blobs in index order, each blob's targets in (job, unit) order. A blob's repairs
  // read and write only its own units (and the scheme's record of it), so several blobs may
  // execute at once; their results are applied here in blob order.
  std::map<BlobIndex, std::vector<std::pair<std::uint64_t, JobUnit*>>> by_blob;
  for (const std::uint64_t id : ids) {
    for (JobUnit& unit : jobs_.at(id).units) by_blob[unit.blob].emplace_back(id, &unit);
  }
  std::vector<BlobRepairs> batch;
  for (auto& [blob, units] : by_blob) {
    BlobRepairs& b = batch.emplace_back();
    b.blob = blob;
    b.units = std::move(units);
    for (const auto& [id, unit] : b.units) {
      b.requests.push_back({unit->shard, &unit->plan});
      b.shown.push_back(unit_state(blob, unit->shard));
      store_.ensure_slot(blob, unit->shard);
    }
  }
  const auto started = std::chrono::steady_clock::now();
  for_each_item(batch.size(), options_.repair_blobs_at_once, [&](std::size_t i) {
    batch[i].results = scheme_.execute_repairs(batch[i].blob, batch[i].requests, store_);
  });
  repair_seconds_ +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (BlobRepairs& b : batch) {
    ++codec_calls_;
    codec_targets_ += b.requests.size();
    sim_.check(b.results.size() == b.units.size(), "execute_repairs: one result per request");
    for (std::size_t i = 0; i < b.units.size(); ++i) {
      JobUnit& unit = *b.units[i].second;
      unit.result = std::move(b.results[i]);
      unit.executed = true;
      if (store_.state(b.blob, unit.shard) != b.shown[i]) {
        hidden_[{static_cast<std::uint32_t>(b.blob), static_cast<std::uint32_t>(unit.shard)}] = {
            b.shown[i], b.units[i].first};
      }
    }
  }
}

void SchemeDriver::drop_hidden(BlobIndex blob, ShardId shard, std::uint64_t job) {
  const auto it =
      hidden_.find({static_cast<std::uint32_t>(blob), static_cast<std::uint32_t>(shard)});
  if (it == hidden_.end() || it->second.job != job) return;
  hidden_.erase(it);
  store_.erase(blob, shard);  // the job's result never arrives; what was shown stays absent
}

std::vector<ShardAvailability> SchemeDriver::availability(
    BlobIndex blob, ShardId target, const std::vector<ShardId>& excluded) const {
  std::vector<ShardAvailability> shards(n_);
  for (std::size_t s = 0; s < n_; ++s) {
    const NodeId owner = owners_[s];
    shards[s].state = unit_state(blob, model::id_at<ShardId>(s));
    shards[s].reachable = is_up(owner);
    shards[s].honest = owner == model::kNoNode || !nodes_[model::index_of(owner)].caught;
  }
  for (const ShardId s : excluded) shards[model::index_of(s)].honest = false;
  // A node keeps a blob's metadata with its units: the target's owner has it when it stores a
  // unit of the blob on another of its shards (gone after a data loss, absent for a new owner).
  const NodeId owner = owners_[model::index_of(target)];
  for (std::size_t s = 0; s < n_ && owner != model::kNoNode; ++s) {
    if (owners_[s] == owner && s != model::index_of(target) &&
        shards[s].state != UnitState::kAbsent) {
      shards[model::index_of(target)].has_metadata = true;
      break;
    }
  }
  return shards;
}

std::uint64_t SchemeDriver::plan_job(NodeId node, const std::vector<UnitKey>& keys) {
  const bool alive = node != model::kNoNode && nodes_[model::index_of(node)].joined &&
                     (nodes_[model::index_of(node)].state == model::NodeState::kUp ||
                      nodes_[model::index_of(node)].state == model::NodeState::kDown);
  Job job;
  job.node = node;
  const std::uint64_t id = ++next_job_;
  for (const UnitKey& key : keys) {
    if (!alive) {  // the shard's next owner recovers it at the next epoch start
      repairs_.erase(key);
      continue;
    }
    const BlobIndex blob = model::id_at<BlobIndex>(key.first);
    const ShardId shard = model::id_at<ShardId>(key.second);
    UnitRepair& r = repairs_[key];
    RepairPlan plan = scheme_.plan_repair(blob, shard, availability(blob, shard, r.excluded));
    if (plan.kind == PlanKind::kRepair) {
      r.stage = RepairStage::kInJob;
      r.job = id;
      job.units.push_back({blob, shard, std::move(plan), {}, false});
    } else if (plan.kind == PlanKind::kWait) {
      r.stage = RepairStage::kWaiting;
    } else {
      repairs_.erase(key);
      mark_lost(blob);
    }
  }
  if (job.units.empty()) return 0;
  start_job(id, std::move(job));
  return id;
}

void SchemeDriver::start_job(std::uint64_t id, Job job) {
  // Determinism: helper nodes in NodeId order, one flow each.
  std::map<NodeId, std::uint64_t> bytes_from;
  for (const JobUnit& unit : job.units) {
    const double weight = trace_.blobs[model::index_of(unit.blob)].weight;
    for (const HelperPart& part : unit.plan.helpers) {
      const NodeId helper = owners_[model::index_of(part.helper)];
      if (helper == job.node || helper == model::kNoNode) continue;  // local reads move nothing
      bytes_from[helper] += weighted_bytes(part.bytes.total(), weight);
    }
  }
  for (const auto& [helper, bytes] : bytes_from) {
    if (bytes == 0) continue;
    model::FlowRequest request;
    request.source = helper;
    request.destination = job.node;
    request.bytes = bytes;
    if (options_.latency_enabled) request.latency = model::node_latency(trace_, helper, job.node);
    const model::FlowId flow = net_->start_flow(request, [this, id](model::FlowId f, Ticks) {
      job_of_flow_.erase(static_cast<std::uint64_t>(f));
      on_job_flow_done(id);
    });
    job.flows.push_back(flow);
    job_of_flow_[static_cast<std::uint64_t>(flow)] = id;
  }
  job.flows_left = job.flows.size();
  job.started = sim_.now();
  job.epoch = epoch_;
  const bool immediate = job.flows_left == 0;
  jobs_.emplace(id, std::move(job));
  if (immediate) {
    sim_.schedule_at(sim_.now(), kPhaseRepairDone, kTagRepairDone,
                     [this, id](kernel::Simulator&) { complete_job(id); });
  }
}

void SchemeDriver::on_job_flow_done(std::uint64_t id) {
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  if (--it->second.flows_left == 0) complete_job(id);
}

bool SchemeDriver::in_job(const JobUnit& unit, std::uint64_t id) const {
  const UnitKey key{static_cast<std::uint32_t>(unit.blob), static_cast<std::uint32_t>(unit.shard)};
  const auto it = repairs_.find(key);
  return it != repairs_.end() && it->second.stage == RepairStage::kInJob && it->second.job == id;
}

void SchemeDriver::complete_job(std::uint64_t id) {
  auto node = jobs_.extract(id);
  if (node.empty()) return;
  const Job& job = node.mapped();
  EpochMetrics& m = metrics_.now();
  m.repair_seconds.push_back((sim_.now() - job.started).to_seconds());
  ++m.counters.repair_jobs;
  bool progress = false;
  for (const JobUnit& unit : job.units) progress = apply_unit(id, unit) || progress;
  // Units waiting for availability may be repairable now; only progress can make them so (a
  // failed attempt retried on its own completion would loop).
  if (progress) retry_waiting();
  std::vector<ShardId> shards;
  for (const JobUnit& unit : job.units) shards.push_back(unit.shard);
  std::sort(shards.begin(), shards.end());
  shards.erase(std::unique(shards.begin(), shards.end()), shards.end());
  for (const ShardId shard : shards) check_shard_synced(shard);
}

bool SchemeDriver::apply_unit(std::uint64_t id, const JobUnit& unit) {
  const BlobStatus& b = blobs_[model::index_of(unit.blob)];
  const UnitKey key{static_cast<std::uint32_t>(unit.blob), static_cast<std::uint32_t>(unit.shard)};
  if (!in_job(unit, id)) {  // forgotten meanwhile (expiry, loss)
    drop_hidden(unit.blob, unit.shard, id);
    return false;
  }
  count_plan_bytes(unit.plan, trace_.blobs[model::index_of(unit.blob)].weight);
  if (!b.live || b.lost) {
    repairs_.erase(key);
    drop_hidden(unit.blob, unit.shard, id);
    return false;
  }
  const bool was_valid = unit_state(unit.blob, unit.shard) == UnitState::kValid;
  RepairResult result;
  if (scheme_.analytic()) {
    store_.put(unit.blob, unit.shard, {});
    result.outcome = RepairOutcome::kRebuilt;
  } else {
    result = unit.result;
    const auto hidden = hidden_.find(key);
    if (hidden != hidden_.end() && hidden->second.job == id) hidden_.erase(hidden);
  }
  finish_unit_repair(unit, result, was_valid);
  return store_.state(unit.blob, unit.shard) == UnitState::kValid ||
         result.outcome == RepairOutcome::kPartial;
}

void SchemeDriver::finish_unit_repair(const JobUnit& unit, const RepairResult& result,
                                      bool was_valid) {
  const UnitKey key{static_cast<std::uint32_t>(unit.blob), static_cast<std::uint32_t>(unit.shard)};
  const model::BlobRecord& record = trace_.blobs[model::index_of(unit.blob)];
  MetricCounters& c = metrics_.now().counters;
  switch (result.outcome) {
    case RepairOutcome::kRebuilt:
      if (store_.state(unit.blob, unit.shard) == UnitState::kAbsent) {
        enqueue(key, Ticks{});  // erased while its bytes were on the way: start again
        break;
      }
      if (store_.state(unit.blob, unit.shard) != UnitState::kValid) {
        repairs_[key].stage = RepairStage::kWaiting;  // a first phase: the rest needs others
        break;
      }
      repairs_.erase(key);
      c.repairs += record.weight;
      ++c.repaired_units;
      c.lost_bytes_repaired +=
          weighted_bytes(scheme_.unit_bytes(unit.blob, unit.shard), record.weight);
      on_unit_changed(unit.blob, unit.shard, was_valid);
      break;
    case RepairOutcome::kHelperLied: {
      c.corrupt_symbols_caught += result.bad_helpers.size();
      UnitRepair& r = repairs_[key];
      for (const ShardId bad : result.bad_helpers) {
        r.excluded.push_back(bad);
        const NodeId liar = owners_[model::index_of(bad)];
        if (liar != model::kNoNode) nodes_[model::index_of(liar)].caught = true;
      }
      enqueue(key, Ticks{});
      break;
    }
    case RepairOutcome::kPartial:  // two-phase: the primary needs other repairs first
    case RepairOutcome::kFailed:
      repairs_[key].stage = RepairStage::kWaiting;
      break;
  }
}

void SchemeDriver::count_plan_bytes(const RepairPlan& plan, double weight) {
  ByteCounts& bytes = metrics_.now().counters.repair_bytes;
  for (const HelperPart& part : plan.helpers) {
    for (std::size_t c = 0; c < kByteCategories; ++c) {
      bytes.by_category[c] += weighted_bytes(part.bytes.by_category[c], weight);
    }
  }
}

void SchemeDriver::abort_job(std::uint64_t id, bool replan) {
  auto node = jobs_.extract(id);
  if (node.empty()) return;
  const Job& job = node.mapped();
  for (const model::FlowId flow : job.flows) {
    job_of_flow_.erase(static_cast<std::uint64_t>(flow));
    if (const auto end = net_->cancel_flow(flow)) {
      metrics_.now().counters.aborted_bytes += end->bytes_transferred;
    }
  }
  for (const JobUnit& unit : job.units) {
    drop_hidden(unit.blob, unit.shard, id);
    if (!in_job(unit, id)) continue;
    const UnitKey key{static_cast<std::uint32_t>(unit.blob),
                      static_cast<std::uint32_t>(unit.shard)};
    if (replan) {
      enqueue(key, Ticks{});
    } else {
      repairs_.erase(key);
    }
  }
}

void SchemeDriver::untrack_shard(ShardId shard) {
  // Jobs recovering units of the shard stop; their other units are planned again.
  std::vector<std::uint64_t> ids;
  for (const auto& [id, job] : jobs_) {
    if (std::any_of(job.units.begin(), job.units.end(),
                    [&](const JobUnit& u) { return u.shard == shard; })) {
      ids.push_back(id);
    }
  }
  for (const std::uint64_t id : ids) abort_job(id, true);
  for (auto it = repairs_.begin(); it != repairs_.end();) {
    it = it->first.second == static_cast<std::uint32_t>(shard) ? repairs_.erase(it) : std::next(it);
  }
}

void SchemeDriver::retry_waiting() {
  for (auto& [key, repair] : repairs_) {
    if (repair.stage == RepairStage::kWaiting) enqueue(key, Ticks{});
  }
}

void SchemeDriver::forget_repairs(BlobIndex blob) {
  const std::uint32_t b = static_cast<std::uint32_t>(blob);
  repairs_.erase(repairs_.lower_bound({b, 0}), repairs_.lower_bound({b + 1, 0}));
}

void SchemeDriver::on_flow_failed(const model::FlowEnd& end, NodeId dead_node) {
  const std::uint64_t flow = static_cast<std::uint64_t>(end.id);
  metrics_.now().counters.aborted_bytes += end.bytes_transferred;
  if (const auto job = job_of_flow_.find(flow); job != job_of_flow_.end()) {
    const std::uint64_t id = job->second;
    job_of_flow_.erase(job);
    const auto it = jobs_.find(id);
    if (it != jobs_.end()) abort_job(id, it->second.node != dead_node);
  } else if (const auto t = transfer_of_flow_.find(flow); t != transfer_of_flow_.end()) {
    const ShardId shard = model::id_at<ShardId>(t->second);
    transfer_of_flow_.erase(t);
    switch_to_recovery(shard, end.bytes_transferred);
  }
}

}  // namespace sliversim::schemes
