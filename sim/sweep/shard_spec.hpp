// `--shard I/N`: which points of a sweep one process runs, so a Slurm job array
// (--shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT) or GNU parallel spreads a sweep over
// machines. Shard I of N runs the points whose index % N == I; the N shards together run every
// point exactly once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sliversim::sweep {

// The largest shard count accepted.
inline constexpr std::uint32_t kMaxShardCount = 1000000;

// Shard `index` of `count`. The default is the whole sweep (0/1).
struct ShardSpec {
  std::uint32_t index = 0;
  std::uint32_t count = 1;
};

// Parses "I/N" (decimal integers, 0 <= I < N <= kMaxShardCount). Returns nullopt and sets
// *error (when not null) to "expected I/N with integers 0 <= I < N <= 1000000, got \"TEXT\""
// (plus why, e.g. "(I must be below N)") otherwise.
std::optional<ShardSpec> parse_shard_spec(std::string_view text, std::string* error);

// True when point `point_index` belongs to `shard` (point_index % count == index).
bool shard_contains(const ShardSpec& shard, std::size_t point_index);

// "I/N".
std::string to_string(const ShardSpec& shard);

}  // namespace sliversim::sweep
