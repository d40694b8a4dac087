// RedStuff repair planning (see redstuff_scheme.hpp for the rules): which slivers of the target's
// pair can be rebuilt now, from which helpers, at what exact wire cost.
#include <array>

#include "codec/merkle.hpp"
#include "codec/recovery_plan.hpp"
#include "codec/wire_sizes.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/schemes/helper_ring.hpp"
#include "sim/schemes/redstuff_record.hpp"
#include "sim/schemes/redstuff_roles.hpp"
#include "sim/schemes/redstuff_scheme.hpp"

namespace sliversim::schemes {
namespace {

using codec::SliverAvailability;
using codec::SliverAxis;

// Which slivers the shards hold, per axis: all stored ones, and the reachable ones.
struct Holdings {
  SliverAvailability stored;
  SliverAvailability live;
};

// The shape of one plan: the parameters, the blob's rotation and the target.
struct PlanContext {
  const codec::RedStuffParams& params;
  std::size_t rotation;  // pair p is on shard (p + rotation) mod n
  std::size_t target;

  codec::SliverPairIndex pair(std::size_t shard) const {
    const std::size_t n = params.n_shards();
    return static_cast<codec::SliverPairIndex>((shard + n - rotation) % n);
  }
  codec::SliverIndex sliver(std::size_t shard, SliverAxis axis) const {
    return params.sliver_of_pair(pair(shard), axis);
  }
};

Holdings holdings(const PlanContext& ctx, std::span<const ShardAvailability> shards) {
  const std::size_t n = ctx.params.n_shards();
  Holdings h{SliverAvailability(n), SliverAvailability(n)};
  auto mark = [&](std::size_t shard, bool primary, bool secondary, bool reachable) {
    for (SliverAvailability* a : {&h.stored, reachable ? &h.live : nullptr}) {
      if (a == nullptr) continue;
      a->set(SliverAxis::kPrimary, ctx.sliver(shard, SliverAxis::kPrimary), primary);
      a->set(SliverAxis::kSecondary, ctx.sliver(shard, SliverAxis::kSecondary), secondary);
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    const ShardAvailability& a = shards[i];
    if (i == ctx.target) {  // its own kPartial secondary is local
      mark(i, false, a.state == UnitState::kPartial, true);
    } else if (a.honest) {
      mark(i, redstuff::offers_primary(a.state), redstuff::offers_secondary(a.state), a.reachable);
    }
  }
  return h;
}

// The plan stage for a pair recovery plan (0: nothing can be done now).
std::uint8_t stage_for(const codec::PairRecoveryPlan& pp) {
  using codec::PairRecoveryKind;
  std::uint8_t stage = 0;
  for (const codec::RecoveryTarget& t : pp.now) {
    stage |= t.axis == SliverAxis::kPrimary ? redstuff::kStagePrimary : redstuff::kStageSecondary;
  }
  if (pp.kind == PairRecoveryKind::kDirect) return stage;
  if (pp.kind != PairRecoveryKind::kTwoPhase) return 0;
  const bool primary_first = pp.later->axis == SliverAxis::kSecondary;
  if (pp.helpers_short == 0) {
    return redstuff::kStagePrimary | redstuff::kStageSecondary | redstuff::kStageSelfHelp |
           (primary_first ? redstuff::kStagePrimaryFirst : 0);
  }
  // A unit can hold the secondary alone (kPartial), never the primary alone.
  return primary_first ? 0 : redstuff::kStageSecondary;
}

// Symbols to collect for one sliver of the target's pair, and what each costs on the wire.
struct Need {
  SliverAxis helper_axis;  // helpers answer from their sliver of this axis
  std::uint8_t role;
  std::size_t count = 0;
  std::uint64_t proof_bytes = 0;  // framing + the proof of the target's leaf
};

Need need_for(const PlanContext& ctx, std::uint8_t stage, SliverAxis target_axis,
              std::size_t symbol_bytes) {
  const bool primary = target_axis == SliverAxis::kPrimary;
  Need need{codec::orthogonal(target_axis),
            primary ? redstuff::kRoleForPrimary : redstuff::kRoleForSecondary};
  if ((stage & (primary ? redstuff::kStagePrimary : redstuff::kStageSecondary)) == 0) return need;
  // With self-help the sliver rebuilt second has one local helper: the sliver rebuilt first.
  const bool second = (stage & redstuff::kStageSelfHelp) != 0 &&
                      ((stage & redstuff::kStagePrimaryFirst) != 0) != primary;
  need.count = ctx.params.symbols_per_sliver(target_axis) - (second ? 1 : 0);
  const std::size_t leaf = to_size(ctx.sliver(ctx.target, target_axis));
  need.proof_bytes = codec::recovery_symbol_framing_bytes(symbol_bytes) +
                     codec::merkle_proof_wire_bytes(ctx.params.n_shards(), leaf);
  return need;
}

// Helpers in ring order from `start`: each reachable holder of a needed helper sliver answers
// until every need is met; one shard may answer for both slivers.
std::vector<HelperPart> pick_helpers(const PlanContext& ctx, const Holdings& h, std::size_t start,
                                     std::array<Need, 2> needs, std::size_t symbol_bytes) {
  const std::size_t n = ctx.params.n_shards();
  std::vector<HelperPart> helpers;
  for (std::size_t step = 0; step < n && needs[0].count + needs[1].count > 0; ++step) {
    const std::size_t i = helper_ring_at(start, step, n);
    if (i == ctx.target) continue;
    HelperPart part{model::id_at<model::ShardId>(i), {}, 0};
    for (Need& need : needs) {
      if (need.count == 0 || !h.live.available(need.helper_axis, ctx.sliver(i, need.helper_axis))) {
        continue;
      }
      part.role |= need.role;
      part.bytes[ByteCategory::kSymbols] += symbol_bytes;
      part.bytes[ByteCategory::kProofs] += need.proof_bytes;
      --need.count;
    }
    if (part.role != 0) helpers.push_back(part);
  }
  kernel::check_invariant(needs[0].count + needs[1].count == 0,
                          "redstuff: a repair plan without enough helpers");
  return helpers;
}

}  // namespace

RepairPlan RedStuffScheme::plan_repair(model::BlobIndex blob, model::ShardId target,
                                       std::span<const ShardAvailability> shards) const {
  const std::size_t n = params_.n_shards();
  kernel::check_invariant(shards.size() == n && model::index_of(target) < n,
                          "redstuff: a repair planned with the wrong shard count");
  const BlobRecord& rec = record(blob);
  const PlanContext ctx{params_, rec.rotation, model::index_of(target)};
  const Holdings h = holdings(ctx, shards);
  RepairPlan plan;
  if (!codec::blob_recoverable(params_, h.stored)) return plan;  // kUnrecoverable
  plan.stage = stage_for(codec::plan_pair_recovery(params_, h.live, ctx.pair(ctx.target)));
  if (plan.stage == 0) {
    plan.kind = PlanKind::kWait;
    return plan;
  }
  plan.kind = PlanKind::kRepair;
  const ShardAvailability& own = shards[ctx.target];
  plan.fetch_metadata = own.state != UnitState::kPartial && !own.has_metadata;
  const std::size_t s = rec.symbol_bytes;
  plan.helpers = pick_helpers(ctx, h, helper_ring_start(blob, n),
                              {need_for(ctx, plan.stage, SliverAxis::kSecondary, s),
                               need_for(ctx, plan.stage, SliverAxis::kPrimary, s)},
                              s);
  if (plan.fetch_metadata) {
    plan.helpers.front().bytes[ByteCategory::kMetadata] += codec::metadata_wire_bytes(n);
  }
  return plan;
}

}  // namespace sliversim::schemes
