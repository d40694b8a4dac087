// Private to the RedStuff scheme: what RepairPlan::stage and HelperPart::role mean, and the slices
// of a unit. A plan's stage says which slivers of the target's pair are rebuilt and in what order;
// a helper's role says which of those it sends a recovery symbol for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "codec/redstuff_params.hpp"
#include "sim/schemes/unit_store.hpp"

namespace sliversim::schemes::redstuff {

// RepairPlan::stage bits.
inline constexpr std::uint8_t kStageSecondary = 1;  // rebuild the secondary sliver
inline constexpr std::uint8_t kStagePrimary = 2;    // rebuild the primary sliver
// The sliver rebuilt first answers, locally, for the other one (two-phase finished in one repair).
inline constexpr std::uint8_t kStageSelfHelp = 4;
inline constexpr std::uint8_t kStagePrimaryFirst = 8;  // with kStageSelfHelp: primary first

// HelperPart::role bits: the helper sends a symbol of its primary sliver for the target's
// secondary, and/or one of its secondary sliver for the target's primary.
inline constexpr std::uint8_t kRoleForSecondary = 1;
inline constexpr std::uint8_t kRoleForPrimary = 2;

// Whether a shard's unit offers each sliver of its pair, as planning assumes.
inline bool offers_primary(UnitState state) {
  return state == UnitState::kValid || state == UnitState::kCorrupt;
}
inline bool offers_secondary(UnitState state) {
  return offers_primary(state) || state == UnitState::kPartial;
}

// The primary sliver inside a full unit, or empty when the unit does not have the full size.
inline std::span<const std::uint8_t> primary_part(const codec::RedStuffParams& params,
                                                  std::size_t symbol_bytes,
                                                  std::span<const std::uint8_t> unit) {
  const std::size_t primary = params.secondary_source_symbols() * symbol_bytes;
  const std::size_t secondary = params.primary_source_symbols() * symbol_bytes;
  if (unit.size() != primary + secondary) return {};
  return unit.first(primary);
}

// The secondary sliver inside a full or a kPartial unit, or empty when the size fits neither.
inline std::span<const std::uint8_t> secondary_part(const codec::RedStuffParams& params,
                                                    std::size_t symbol_bytes,
                                                    std::span<const std::uint8_t> unit) {
  const std::size_t primary = params.secondary_source_symbols() * symbol_bytes;
  const std::size_t secondary = params.primary_source_symbols() * symbol_bytes;
  if (unit.size() == primary + secondary) return unit.subspan(primary);
  if (unit.size() == secondary) return unit;
  return {};
}

}  // namespace sliversim::schemes::redstuff
