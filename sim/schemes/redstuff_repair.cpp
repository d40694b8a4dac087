// RedStuff repair execution (see redstuff_scheme.hpp): the helpers named by the plans answer from
// their own stored units, batched per axis over every request of the call; each request's slivers
// are then recovered (proofs, decode, hash check) and the result is stored on its target.
#include <algorithm>
#include <limits>
#include <optional>

#include "codec/parallel.hpp"
#include "codec/recovery_decoder.hpp"
#include "codec/recovery_helper_batch.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/schemes/redstuff_helper_serve.hpp"
#include "sim/schemes/redstuff_record.hpp"
#include "sim/schemes/redstuff_roles.hpp"
#include "sim/schemes/redstuff_scheme.hpp"

namespace sliversim::schemes {
namespace {

using codec::RecoverySymbol;
using codec::RecoveryTarget;
using codec::SliverAxis;
using codec::SliverIndex;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The helpers of one axis serving this call, and the targets they answer for.
struct Served {
  std::vector<redstuff::ServedSliver> slivers;
  std::vector<std::size_t> helper_at_shard;  // position in slivers, by shard (kNone if absent)
  std::vector<SliverIndex> targets;
  std::vector<std::size_t> target_at_index;  // position in targets, by sliver index
  std::vector<RecoverySymbol> answers;       // [helper * targets.size() + target]

  explicit Served(std::size_t n) : helper_at_shard(n, kNone), target_at_index(n, kNone) {}
  const RecoverySymbol& answer(std::size_t shard, SliverIndex target) const {
    return answers[helper_at_shard[shard] * targets.size() + target_at_index[to_size(target)]];
  }
};

// One request as the call handles it.
struct Job {
  model::ShardId target;
  std::uint8_t stage = 0;
  RecoveryTarget primary;
  RecoveryTarget secondary;
  std::vector<model::ShardId> for_secondary;     // helpers sending primary-sliver symbols, in order
  std::vector<model::ShardId> for_primary;       // helpers sending secondary-sliver symbols
  std::span<const std::uint8_t> kept_secondary;  // the target's kPartial secondary, if any
  bool gone = false;  // a helper or the target no longer holds what the plan assumed
  std::optional<std::vector<std::uint8_t>> rebuilt_primary;
  std::optional<std::vector<std::uint8_t>> rebuilt_secondary;
  std::vector<model::ShardId> bad;
  bool has(std::uint8_t bit) const { return (stage & bit) != 0; }
};

// Everything one execute_repairs call works on.
struct Call {
  const codec::RedStuffParams& params;
  RedStuffScheme::BlobRecord& rec;
  model::BlobIndex blob;
  const UnitStore& store;
  std::vector<Job> jobs;
  Served primaries;    // primary-sliver helpers (answer secondary targets)
  Served secondaries;  // secondary-sliver helpers (answer primary targets)
};

// Adds `shard`'s sliver of `axis` to the served helpers; false when its unit lacks it.
bool add_helper(Call& call, SliverAxis axis, model::ShardId shard, codec::SliverPairIndex q) {
  Served& served = axis == SliverAxis::kPrimary ? call.primaries : call.secondaries;
  const std::size_t i = model::index_of(shard);
  if (served.helper_at_shard[i] != kNone) return true;
  const UnitState state = call.store.state(call.blob, shard);
  const std::span<const std::uint8_t> unit = call.store.bytes(call.blob, shard);
  const std::size_t s = call.rec.symbol_bytes;
  const bool offered = axis == SliverAxis::kPrimary ? redstuff::offers_primary(state)
                                                    : redstuff::offers_secondary(state);
  const std::span<const std::uint8_t> data = axis == SliverAxis::kPrimary
                                                 ? redstuff::primary_part(call.params, s, unit)
                                                 : redstuff::secondary_part(call.params, s, unit);
  if (!offered || data.empty()) return false;
  served.helper_at_shard[i] = served.slivers.size();
  served.slivers.push_back({call.params.sliver_of_pair(q, axis), data, state == UnitState::kValid});
  return true;
}

void add_target(Served& served, SliverIndex target) {
  if (served.target_at_index[to_size(target)] != kNone) return;
  served.target_at_index[to_size(target)] = served.targets.size();
  served.targets.push_back(target);
}

Job make_job(Call& call, const RedStuffScheme& scheme, const RepairRequest& request) {
  const RepairPlan& plan = *request.plan;
  kernel::check_invariant(plan.kind == PlanKind::kRepair && plan.stage != 0,
                          "redstuff: execute_repairs without a repair plan");
  Job job;
  job.target = request.target;
  job.stage = plan.stage;
  const codec::SliverPairIndex p = scheme.pair_of_shard(call.blob, request.target);
  job.primary = {SliverAxis::kPrimary, call.params.sliver_of_pair(p, SliverAxis::kPrimary)};
  job.secondary = {SliverAxis::kSecondary, call.params.sliver_of_pair(p, SliverAxis::kSecondary)};
  if (!job.has(redstuff::kStageSecondary)) {
    job.kept_secondary = redstuff::secondary_part(call.params, call.rec.symbol_bytes,
                                                  call.store.bytes(call.blob, request.target));
    job.gone = call.store.state(call.blob, request.target) != UnitState::kPartial ||
               job.kept_secondary.empty();
  }
  for (const HelperPart& part : plan.helpers) {
    const codec::SliverPairIndex q = scheme.pair_of_shard(call.blob, part.helper);
    if ((part.role & redstuff::kRoleForSecondary) != 0) {
      job.for_secondary.push_back(part.helper);
      job.gone |= !add_helper(call, SliverAxis::kPrimary, part.helper, q);
    }
    if ((part.role & redstuff::kRoleForPrimary) != 0) {
      job.for_primary.push_back(part.helper);
      job.gone |= !add_helper(call, SliverAxis::kSecondary, part.helper, q);
    }
  }
  if (!job.for_secondary.empty()) add_target(call.primaries, job.secondary.index);
  if (!job.for_primary.empty()) add_target(call.secondaries, job.primary.index);
  return job;
}

void serve(const codec::RedStuffParams& params, SliverAxis axis, Served& served,
           RedStuffScheme::BlobRecord& rec, bool use_cache, std::size_t threads) {
  if (served.slivers.empty() || served.targets.empty()) return;
  redstuff::HelperCache& cache = rec.cache;
  const codec::RedStuffStatus status =
      redstuff::serve_helpers(params, axis, served.slivers, rec.symbol_bytes, served.targets,
                              rec.metadata, use_cache ? &cache : nullptr, threads, &served.answers);
  kernel::check_invariant(status == codec::RedStuffStatus::kOk,
                          "redstuff: helpers could not serve their stored slivers");
}

// Recovers `target` from the remote helpers' symbols (plus `own`, a local symbol, if given).
// Returns the sliver, or adds the helpers whose symbols were rejected to `bad`.
std::optional<std::vector<std::uint8_t>> recover(const Call& call, RecoveryTarget target,
                                                 const std::vector<model::ShardId>& helpers,
                                                 const RecoverySymbol* own,
                                                 std::vector<model::ShardId>& bad) {
  const Served& served = target.axis == SliverAxis::kPrimary ? call.secondaries : call.primaries;
  std::vector<RecoverySymbol> symbols;
  symbols.reserve(helpers.size() + 1);
  for (const model::ShardId h : helpers) {
    symbols.push_back(served.answer(model::index_of(h), target.index));
  }
  if (own != nullptr) symbols.push_back(*own);
  codec::RecoveryResult result;
  const codec::RecoveryStatus status =
      codec::recover_sliver(call.params, call.rec.metadata, target, symbols, {}, &result);
  if (status == codec::RecoveryStatus::kOk) return std::move(result.sliver);
  for (std::size_t i = 0; i < helpers.size() && i < result.verdicts.size(); ++i) {
    const codec::SymbolVerdict v = result.verdicts[i];
    const bool listed = std::find(bad.begin(), bad.end(), helpers[i]) != bad.end();
    if (v != codec::SymbolVerdict::kValid && v != codec::SymbolVerdict::kUnchecked && !listed) {
      bad.push_back(helpers[i]);
    }
  }
  return std::nullopt;
}

// The symbol a freshly rebuilt sliver of this node sends, locally, for its other sliver.
RecoverySymbol own_symbol(const Call& call, RecoveryTarget rebuilt,
                          const std::vector<std::uint8_t>& sliver, RecoveryTarget other) {
  const codec::HelperSliver helper{rebuilt.index, sliver};
  std::vector<RecoverySymbol> out;
  const codec::RedStuffStatus status = codec::serve_recovery_symbols(
      call.params, rebuilt.axis, {&helper, 1}, call.rec.symbol_bytes, {&other.index, 1}, 1, &out);
  kernel::check_invariant(status == codec::RedStuffStatus::kOk && out.size() == 1,
                          "redstuff: a rebuilt sliver could not serve its own pair");
  return std::move(out.front());
}

// One recovery of a call: a job's primary or secondary sliver, or both in turn when one needs the
// other (self-help). A job's two independent slivers are separate tasks, so a call of one job
// still uses two workers; each task lists its rejected helpers apart, merged in task order.
struct Task {
  Job* job;
  std::uint8_t stage;  // kStageSelfHelp, kStageSecondary or kStagePrimary
  std::vector<model::ShardId> bad;
};

std::vector<Task> tasks_of(std::vector<Job>& jobs) {
  std::vector<Task> tasks;
  for (Job& job : jobs) {
    if (job.gone) continue;
    if (job.has(redstuff::kStageSelfHelp)) {
      tasks.push_back({&job, redstuff::kStageSelfHelp, {}});
      continue;
    }
    for (const std::uint8_t stage : {redstuff::kStageSecondary, redstuff::kStagePrimary}) {
      if (job.has(stage)) tasks.push_back({&job, stage, {}});
    }
  }
  return tasks;
}

void run_task(const Call& call, Task& task) {
  Job& job = *task.job;
  if (task.stage == redstuff::kStageSecondary) {
    job.rebuilt_secondary = recover(call, job.secondary, job.for_secondary, nullptr, task.bad);
    return;
  }
  if (task.stage == redstuff::kStagePrimary) {
    job.rebuilt_primary = recover(call, job.primary, job.for_primary, nullptr, task.bad);
    return;
  }
  const bool primary_first = job.has(redstuff::kStagePrimaryFirst);
  auto& first = primary_first ? job.rebuilt_primary : job.rebuilt_secondary;
  auto& second = primary_first ? job.rebuilt_secondary : job.rebuilt_primary;
  const RecoveryTarget t1 = primary_first ? job.primary : job.secondary;
  const RecoveryTarget t2 = primary_first ? job.secondary : job.primary;
  first = recover(call, t1, primary_first ? job.for_primary : job.for_secondary, nullptr, task.bad);
  if (!first) return;
  const RecoverySymbol own = own_symbol(call, t1, *first, t2);
  second = recover(call, t2, primary_first ? job.for_secondary : job.for_primary, &own, task.bad);
}

// Runs the tasks of the call's jobs on the workers; each writes only its own slivers and list.
void run_jobs(Call& call, std::size_t workers) {
  std::vector<Task> tasks = tasks_of(call.jobs);
  codec::parallel_ranges(tasks.size(), workers, [&](std::size_t b, std::size_t e) {
    for (std::size_t t = b; t < e; ++t) run_task(call, tasks[t]);
  });
  for (Task& task : tasks) {
    std::vector<model::ShardId>& bad = task.job->bad;
    for (const model::ShardId h : task.bad) {
      if (std::find(bad.begin(), bad.end(), h) == bad.end()) bad.push_back(h);
    }
  }
}

// Stores what the job rebuilt and says how it went.
RepairResult apply(model::BlobIndex blob, Job& job, UnitStore& store) {
  RepairResult result;
  result.bad_helpers = job.bad;
  const bool lied = !job.bad.empty();
  if (job.gone) return result;  // kFailed
  if (job.rebuilt_primary && (job.rebuilt_secondary || !job.kept_secondary.empty())) {
    std::vector<std::uint8_t> unit = std::move(*job.rebuilt_primary);
    if (job.rebuilt_secondary) {
      unit.insert(unit.end(), job.rebuilt_secondary->begin(), job.rebuilt_secondary->end());
    } else {
      unit.insert(unit.end(), job.kept_secondary.begin(), job.kept_secondary.end());
    }
    store.put(blob, job.target, std::move(unit));
    result.outcome = RepairOutcome::kRebuilt;
  } else if (job.rebuilt_secondary) {
    store.put(blob, job.target, std::move(*job.rebuilt_secondary), UnitState::kPartial);
    result.outcome = lied ? RepairOutcome::kHelperLied : RepairOutcome::kPartial;
  } else {
    result.outcome = lied ? RepairOutcome::kHelperLied : RepairOutcome::kFailed;
  }
  return result;
}

// Targets served together: all helpers' symbols and proofs for them are held at once, about
// n * (s + kAnswerOverheadBytes) bytes per target, kept under the budget.
constexpr std::size_t kAnswerOverheadBytes = 512;

std::size_t targets_per_group(std::size_t budget, std::size_t n, std::size_t symbol_bytes) {
  return std::max<std::size_t>(1, budget / (n * (symbol_bytes + kAnswerOverheadBytes)));
}

}  // namespace

std::vector<RepairResult> RedStuffScheme::execute_repairs(model::BlobIndex blob,
                                                          std::span<const RepairRequest> requests,
                                                          UnitStore& store) {
  const std::size_t n = params_.n_shards();
  BlobRecord& rec = record(blob);
  // Served and recovered a group of targets at a time (bounded memory), all from the store as it
  // was on entry: nothing is stored before every group is done.
  const std::size_t group = targets_per_group(options_.answer_budget_bytes, n, rec.symbol_bytes);
  std::vector<Job> done;
  done.reserve(requests.size());
  for (std::size_t first = 0; first < requests.size(); first += group) {
    Call call{params_, rec, blob, store, {}, Served(n), Served(n)};
    const std::size_t end = std::min(requests.size(), first + group);
    for (std::size_t r = first; r < end; ++r) {
      call.jobs.push_back(make_job(call, *this, requests[r]));
    }
    serve(params_, SliverAxis::kPrimary, call.primaries, call.rec, options_.helper_cache,
          options_.threads);
    serve(params_, SliverAxis::kSecondary, call.secondaries, call.rec, options_.helper_cache,
          options_.threads);
    // Determinism: each task writes only its own results; they are applied in request order.
    run_jobs(call, codec::resolve_threads(options_.threads));
    for (Job& job : call.jobs) done.push_back(std::move(job));
  }
  std::vector<RepairResult> results;
  results.reserve(done.size());
  for (Job& job : done) results.push_back(apply(blob, job, store));
  return results;
}

}  // namespace sliversim::schemes
