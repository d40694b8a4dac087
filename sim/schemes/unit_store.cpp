// The per-shard unit store (see unit_store.hpp): slots are dense, [shard][blob], grown on demand.
#include "sim/schemes/unit_store.hpp"

#include <cstdint>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "codec/parallel.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::schemes {
namespace {

constexpr std::uint8_t kCorruptMask = 0x5A;
constexpr std::uintptr_t kPageBytes = 4096;
// Units from this size on are populated at once (smaller ones usually reuse freed memory).
constexpr std::size_t kPopulateMinBytes = std::size_t{256} << 10;
// MADV_POPULATE_WRITE (Linux 5.14), spelled out for older headers.
constexpr int kMadvisePopulateWrite = 23;
constexpr std::size_t kCorruptPositions = 4;

}  // namespace

namespace {

// Commits the pages of a reserved, untouched buffer in one call; a failure (an older kernel)
// only loses the speed-up.
void populate(const std::vector<std::uint8_t>& unit, std::size_t bytes) {
#if defined(__linux__)
  if (bytes < kPopulateMinBytes) return;
  const auto first = reinterpret_cast<std::uintptr_t>(unit.data());
  const std::uintptr_t begin = (first + kPageBytes - 1) / kPageBytes * kPageBytes;
  const std::uintptr_t end = (first + bytes) / kPageBytes * kPageBytes;
  if (end > begin) {
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, kMadvisePopulateWrite);
  }
#else
  (void)unit;
  (void)bytes;
#endif
}

}  // namespace

std::vector<std::uint8_t> new_unit_bytes(std::size_t bytes) {
  std::vector<std::uint8_t> unit;
  unit.reserve(bytes);
  populate(unit, bytes);
  unit.resize(bytes);
  return unit;
}

std::vector<std::vector<std::uint8_t>> new_units(std::size_t count, std::size_t bytes,
                                                 std::size_t threads) {
  std::vector<std::vector<std::uint8_t>> units(count);
  for (std::vector<std::uint8_t>& unit : units) unit.reserve(bytes);
  // Determinism: nothing here depends on the workers; they only touch reserved memory.
  codec::parallel_ranges(count, codec::resolve_threads(threads),
                         [&](std::size_t begin, std::size_t end) {
                           for (std::size_t i = begin; i < end; ++i) {
                             populate(units[i], bytes);
                             units[i].resize(bytes);
                           }
                         });
  return units;
}

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

void UnitStore::ensure_slot(model::BlobIndex blob, model::ShardId shard) {
  (void)slot(blob, shard);
}

void UnitStore::put(model::BlobIndex blob, model::ShardId shard, std::vector<std::uint8_t> bytes,
                    UnitState state) {
  kernel::check_invariant(state != UnitState::kAbsent, "UnitStore::put with the absent state");
  Unit& unit = slot(blob, shard);
  held_bytes_.replace(unit.bytes.size(), bytes.size());
  unit.bytes = std::move(bytes);
  unit.state = state;
  ++unit.version;
}

void UnitStore::erase(model::BlobIndex blob, model::ShardId shard) {
  std::vector<Unit>& units = shards_.at(model::index_of(shard));
  const std::size_t b = model::index_of(blob);
  if (b >= units.size()) return;
  held_bytes_.replace(units[b].bytes.size(), 0);
  const std::uint64_t version = units[b].version;
  units[b] = Unit{};
  units[b].version = version + 1;
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
  ++units[b].version;
}

}  // namespace sliversim::schemes
