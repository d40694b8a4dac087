// The bytes every shard stores, per blob: the content of each shard at its current owner. A shard
// that moves cooperatively keeps its store (its bytes cross the network); a shard whose owner loses
// data has its entries erased (the bytes are freed). Blob and shard indices are dense.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/model/ids.hpp"

namespace sliversim::schemes {

enum class UnitState : std::uint8_t {
  kAbsent,   // nothing stored (never written, erased, or lost)
  kValid,    // the unit's true bytes
  kCorrupt,  // bytes present but altered (an adversary); proofs or checks will catch them
  // Redstuff only, between the two phases of a two-phase repair: the bytes are the rebuilt
  // secondary sliver alone. Not a valid unit (reads, durability), but a secondary-sliver helper.
  kPartial,
};

// A zeroed buffer of `bytes` bytes for a unit a scheme is about to fill. Its pages are committed
// in one system call where Linux allows (MADV_POPULATE_WRITE) instead of being faulted in one
// at a time: first touching fresh memory is a large part of writing gigabytes of units.
std::vector<std::uint8_t> new_unit_bytes(std::size_t bytes);

// `count` such buffers: allocated on this thread (the allocator's own arena), their pages
// committed and zeroed on `threads` workers (0 = hardware concurrency).
std::vector<std::vector<std::uint8_t>> new_units(std::size_t count, std::size_t bytes,
                                                 std::size_t threads);

// Concurrency: calls for different blobs may run at once (repairs of several blobs) once the slots
// they write exist (ensure_slot): each call touches only its own slot, and the held-byte count is
// atomic. Everything else is single-threaded.
class UnitStore {
 public:
  explicit UnitStore(std::size_t n_shards) : shards_(n_shards) {}

  std::size_t n_shards() const { return shards_.size(); }
  UnitState state(model::BlobIndex blob, model::ShardId shard) const;
  // The stored bytes (empty when absent). REQUIRES: shard < n_shards.
  std::span<const std::uint8_t> bytes(model::BlobIndex blob, model::ShardId shard) const;
  // Creates the slot of (blob, shard) if needed, so that later writes to it never grow the store.
  void ensure_slot(model::BlobIndex blob, model::ShardId shard);
  // Stores a unit in `state` (a valid one by default), replacing what was there.
  // REQUIRES: state != kAbsent.
  void put(model::BlobIndex blob, model::ShardId shard, std::vector<std::uint8_t> bytes,
           UnitState state = UnitState::kValid);
  // Erases the unit (frees its bytes).
  void erase(model::BlobIndex blob, model::ShardId shard);
  // Flips bytes of a stored unit so it no longer verifies (deterministic: XOR with 0x5A at one
  // position in each quarter of the bytes, derived from `salt`, so every part of a unit changes;
  // every byte of a unit shorter than 4) and marks it corrupt. No effect when absent.
  void corrupt(model::BlobIndex blob, model::ShardId shard, std::uint64_t salt);
  // Total bytes held (for memory accounting).
  std::uint64_t held_bytes() const { return held_bytes_.value(); }
  // A number that changes whenever the slot's unit does (put, erase, corrupt): the count of those
  // changes, so a scheme that checked the bytes at one version knows they are unchanged while it
  // holds. Deterministic whatever the order in which different blobs were written. 0 for a slot
  // never written.
  std::uint64_t version(model::BlobIndex blob, model::ShardId shard) const;

 private:
  struct Unit {
    UnitState state = UnitState::kAbsent;
    std::uint64_t version = 0;
    std::vector<std::uint8_t> bytes;
  };
  // An atomic byte count that copies as a value.
  class Counter {
   public:
    Counter() = default;
    Counter(const Counter& other) : value_(other.value()) {}
    Counter& operator=(const Counter& other) {
      value_.store(other.value(), std::memory_order_relaxed);
      return *this;
    }
    std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }
    void replace(std::uint64_t removed, std::uint64_t added) {
      value_.fetch_add(added - removed, std::memory_order_relaxed);  // modulo 2^64
    }

   private:
    std::atomic<std::uint64_t> value_{0};
  };
  Unit& slot(model::BlobIndex blob, model::ShardId shard);
  std::vector<std::vector<Unit>> shards_;  // [shard][blob]
  Counter held_bytes_;
};

}  // namespace sliversim::schemes
