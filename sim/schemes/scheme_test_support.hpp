// Helpers shared by the scheme tests: deterministic blob bytes, the availability a driver would
// pass, and a small repair loop standing in for the driver (plan every target, run the repairs,
// repeat until nothing changes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes::test {

// `bytes` deterministic pseudo-random bytes from `seed`.
std::vector<std::uint8_t> blob_bytes(std::size_t bytes, std::uint64_t seed);

// The RedStuff unit shard `shard` must hold, from an independent encode: primary sliver p then
// secondary sliver n-1-p, p = codec::pair_for_shard(blob ID, shard).
std::vector<std::uint8_t> expected_redstuff_unit(const codec::EncodedBlob& encoded,
                                                 model::ShardId shard);

// The bytes the store holds for (blob, shard).
std::vector<std::uint8_t> held(const UnitStore& store, model::BlobIndex blob, model::ShardId shard);

// Every shard as the store shows it, all owners up and honest, none keeping metadata.
std::vector<ShardAvailability> availability(const UnitStore& store, model::BlobIndex blob);

// What a repair loop saw.
struct LoopStats {
  std::size_t rounds = 0;
  std::size_t rebuilt = 0;
  std::size_t partial = 0;        // kPartial outcomes (first phases of two-phase repairs)
  std::size_t unrecoverable = 0;  // targets planned kUnrecoverable
  std::size_t lied = 0;           // kHelperLied outcomes
};

// Repairs `targets` of `blob` until every unit is kValid or nothing progresses. Each round plans
// every unfinished target with the current store (shards listed in `down` unreachable, `liars`
// dishonest) and executes the kRepair ones: all in one call (`batched`) or one call per target
// with a re-plan before each. Helpers reported lying join `liars`. At most 100 rounds.
LoopStats repair_loop(StorageScheme& scheme, UnitStore& store, model::BlobIndex blob,
                      const std::vector<model::ShardId>& targets, bool batched,
                      const std::vector<model::ShardId>& down = {},
                      const std::vector<model::ShardId>& liars = {});

}  // namespace sliversim::schemes::test
