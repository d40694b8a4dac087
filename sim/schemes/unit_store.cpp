// The per-shard unit store (see unit_store.hpp): slots are dense, [shard][blob], grown on demand.
#include "sim/schemes/unit_store.hpp"

#include <utility>

#include "sim/kernel/invariant.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::schemes {
namespace {

constexpr std::uint8_t kCorruptMask = 0x5A;
constexpr std::size_t kCorruptPositions = 4;

}  // namespace

UnitState UnitStore::state(model::BlobIndex blob, model::ShardId shard) const {
  const std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  return b < units.size() ? units[b].state : UnitState::kAbsent;
}

std::span<const std::uint8_t> UnitStore::bytes(model::BlobIndex blob, model::ShardId shard) const {
  const std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  if (b >= units.size()) return {};
  return units[b].bytes;
}

std::uint64_t UnitStore::version(model::BlobIndex blob, model::ShardId shard) const {
  const std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  return b < units.size() ? units[b].version : 0;
}

UnitStore::Unit& UnitStore::slot(model::BlobIndex blob, model::ShardId shard) {
  std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  if (b >= units.size()) units.resize(b + 1);
  return units[b];
}

void UnitStore::put(model::BlobIndex blob, model::ShardId shard, std::vector<std::uint8_t> bytes,
                    UnitState state) {
  kernel::check_invariant(state != UnitState::kAbsent, "UnitStore::put with the absent state");
  Unit& unit = slot(blob, shard);
  held_bytes_ -= unit.bytes.size();
  held_bytes_ += bytes.size();
  unit.bytes = std::move(bytes);
  unit.state = state;
  unit.version = ++last_version_;
}

void UnitStore::erase(model::BlobIndex blob, model::ShardId shard) {
  std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  if (b >= units.size()) return;
  held_bytes_ -= units[b].bytes.size();
  units[b] = Unit{};
  units[b].version = ++last_version_;
}

void UnitStore::corrupt(model::BlobIndex blob, model::ShardId shard, std::uint64_t salt) {
  std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  if (b >= units.size() || units[b].state == UnitState::kAbsent) return;
  std::vector<std::uint8_t>& bytes = units[b].bytes;
  const std::size_t size = bytes.size();
  if (size < kCorruptPositions) {
    for (std::uint8_t& byte : bytes) byte ^= kCorruptMask;
  } else {
    // One position in each quarter [q·size/4, (q+1)·size/4): distinct, so no flip cancels another.
    for (std::size_t q = 0; q < kCorruptPositions; ++q) {
      const std::size_t begin = q * size / kCorruptPositions;
      const std::size_t end = (q + 1) * size / kCorruptPositions;
      const std::uint64_t h = kernel::mix64(salt + 0x9E3779B97F4A7C15ULL * (q + 1));
      bytes[begin + static_cast<std::size_t>(h % (end - begin))] ^= kCorruptMask;
    }
  }
  units[b].state = UnitState::kCorrupt;
  units[b].version = ++last_version_;
}

}  // namespace sliversim::schemes
