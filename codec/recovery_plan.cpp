// Recovery planning from sliver availability (see recovery_plan.hpp).
#include "codec/recovery_plan.hpp"

namespace sliversim::codec {

SliverAvailability::SliverAvailability(std::size_t n_shards)
    : primary_(n_shards, 0), secondary_(n_shards, 0) {}

SliverAvailability SliverAvailability::all(std::size_t n_shards) {
  SliverAvailability out(n_shards);
  out.primary_.assign(n_shards, 1);
  out.secondary_.assign(n_shards, 1);
  out.primary_count_ = n_shards;
  out.secondary_count_ = n_shards;
  return out;
}

std::vector<std::uint8_t>& SliverAvailability::line(SliverAxis axis) {
  return axis == SliverAxis::kPrimary ? primary_ : secondary_;
}

const std::vector<std::uint8_t>& SliverAvailability::line(SliverAxis axis) const {
  return axis == SliverAxis::kPrimary ? primary_ : secondary_;
}

bool SliverAvailability::available(SliverAxis axis, SliverIndex index) const {
  return line(axis)[to_size(index)] != 0;
}

void SliverAvailability::set(SliverAxis axis, SliverIndex index, bool available) {
  std::uint8_t& slot = line(axis)[to_size(index)];
  if ((slot != 0) == available) return;
  slot = available ? 1 : 0;
  std::size_t& counter = axis == SliverAxis::kPrimary ? primary_count_ : secondary_count_;
  counter = available ? counter + 1 : counter - 1;
}

void SliverAvailability::set_pair(SliverPairIndex p, bool available) {
  set(SliverAxis::kPrimary, static_cast<SliverIndex>(to_size(p)), available);
  set(SliverAxis::kSecondary, static_cast<SliverIndex>(n_shards() - 1 - to_size(p)), available);
}

std::size_t SliverAvailability::count(SliverAxis axis) const {
  return axis == SliverAxis::kPrimary ? primary_count_ : secondary_count_;
}

bool blob_recoverable(const RedStuffParams& params, const SliverAvailability& availability) {
  return availability.count(SliverAxis::kPrimary) >=
             params.decoding_threshold(SliverAxis::kPrimary) ||
         availability.count(SliverAxis::kSecondary) >=
             params.decoding_threshold(SliverAxis::kSecondary);
}

bool recoverable_now(const RedStuffParams& params, const SliverAvailability& availability,
                     RecoveryTarget target) {
  return availability.count(orthogonal(target.axis)) >= params.symbols_per_sliver(target.axis);
}

PairRecoveryPlan plan_pair_recovery(const RedStuffParams& params,
                                    const SliverAvailability& availability, SliverPairIndex p) {
  PairRecoveryPlan plan;
  const RecoveryTarget secondary{SliverAxis::kSecondary,
                                 params.sliver_of_pair(p, SliverAxis::kSecondary)};
  const RecoveryTarget primary{SliverAxis::kPrimary,
                               params.sliver_of_pair(p, SliverAxis::kPrimary)};
  std::vector<RecoveryTarget> missing;
  for (const RecoveryTarget& t : {secondary, primary}) {
    if (!availability.available(t.axis, t.index)) missing.push_back(t);
  }
  if (missing.empty()) return plan;
  if (!blob_recoverable(params, availability)) {
    plan.kind = PairRecoveryKind::kUnrecoverable;
    return plan;
  }
  for (const RecoveryTarget& t : missing) {
    if (recoverable_now(params, availability, t)) {
      plan.now.push_back(t);
    } else {
      plan.later = t;
    }
  }
  if (!plan.later) {
    plan.kind = PairRecoveryKind::kDirect;
    return plan;
  }
  plan.kind = plan.now.empty() ? PairRecoveryKind::kWaitForHelpers : PairRecoveryKind::kTwoPhase;
  // The sliver rebuilt now (if any) is of the helper axis of `later` and adds one helper.
  const std::size_t have = availability.count(orthogonal(plan.later->axis)) + plan.now.size();
  const std::size_t need = params.symbols_per_sliver(plan.later->axis);
  plan.helpers_short = need > have ? need - have : 0;
  return plan;
}

}  // namespace sliversim::codec
