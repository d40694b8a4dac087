// Which recoveries are possible for one blob, given which slivers live honest nodes still hold
// (REDSTUFF.md §4). A missing secondary sliver is recoverable from any k_p primary slivers; a
// missing primary sliver from any k_s secondary slivers. With fewer than k_s secondary slivers
// left (but at least k_p primaries) repair is two-phase network-wide: nodes first rebuild their
// secondary slivers, and once k_s secondaries exist they rebuild their primaries (symmetrically
// primary-first when primaries are short). The blob is lost exactly when fewer than k_p primary
// AND fewer than k_s secondary slivers remain: the missing region then contains a nonzero
// codeword of the product code, so no decoder can tell the blob from another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// The slivers of one blob currently held intact by live honest nodes, per axis and index.
class SliverAvailability {
 public:
  // None available. REQUIRES: n_shards > 0.
  explicit SliverAvailability(std::size_t n_shards);
  // Every sliver of both axes available.
  static SliverAvailability all(std::size_t n_shards);

  std::size_t n_shards() const { return primary_.size(); }
  // REQUIRES: index < n_shards() for the accessors below.
  bool available(SliverAxis axis, SliverIndex index) const;
  void set(SliverAxis axis, SliverIndex index, bool available);
  // Sets both slivers of pair p (primary p, secondary n-1-p), as when a shard comes or goes.
  void set_pair(SliverPairIndex p, bool available);
  // The number of available slivers of `axis`.
  std::size_t count(SliverAxis axis) const;

 private:
  std::vector<std::uint8_t>& line(SliverAxis axis);
  const std::vector<std::uint8_t>& line(SliverAxis axis) const;
  std::vector<std::uint8_t> primary_;
  std::vector<std::uint8_t> secondary_;
  std::size_t primary_count_ = 0;
  std::size_t secondary_count_ = 0;
};

// True when the whole blob can still be rebuilt: at least k_p primary or k_s secondary slivers.
// REQUIRES: availability.n_shards() == params.n_shards().
bool blob_recoverable(const RedStuffParams& params, const SliverAvailability& availability);

// True when sliver `target` can be recovered now from the available slivers of the orthogonal
// axis (at least its threshold k of them). REQUIRES: as blob_recoverable; target.index < n.
bool recoverable_now(const RedStuffParams& params, const SliverAvailability& availability,
                     RecoveryTarget target);

enum class PairRecoveryKind : std::uint8_t {
  kNothingMissing,  // both slivers of the pair are available
  kDirect,          // every missing sliver of the pair is recoverable now
  kTwoPhase,        // one sliver is recoverable now; the other needs helper slivers that must be
                    // rebuilt first (this node's own rebuilt sliver counts as one of them)
  kWaitForHelpers,  // the missing sliver's helpers must first be rebuilt by other nodes
  kUnrecoverable,   // the blob is lost
};

// What a node holding pair p must do to restore it.
struct PairRecoveryPlan {
  PairRecoveryKind kind = PairRecoveryKind::kNothingMissing;
  std::vector<RecoveryTarget> now;      // missing slivers recoverable now, secondary first
  std::optional<RecoveryTarget> later;  // a missing sliver that is not (kTwoPhase, kWaitForHelpers)
  // For `later`: helper slivers (of the axis orthogonal to later->axis) still to be rebuilt by
  // other nodes, after the slivers in `now` are, before `later` is recoverable. 0 means this node
  // can continue with its own rebuilt sliver as one of the helpers.
  std::size_t helpers_short = 0;
};

// Plans the recovery of pair p. REQUIRES: availability.n_shards() == params.n_shards(); p < n.
PairRecoveryPlan plan_pair_recovery(const RedStuffParams& params,
                                    const SliverAvailability& availability, SliverPairIndex p);

}  // namespace sliversim::codec
