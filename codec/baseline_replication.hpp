// Baseline: r-way replication (REDSTUFF.md §4 baseline table). Each of r holders stores the whole
// blob (L bytes), so storage is r L; a lost copy is repaired by downloading one full copy (L
// bytes) from a live holder. The copy is really made, so a simulator's stores hold real bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "codec/baseline_repair.hpp"

namespace sliversim::codec {

// The shape of r-way replication. Value type.
class ReplicationScheme {
 public:
  // r copies; nullopt when copies == 0.
  static std::optional<ReplicationScheme> make(std::size_t copies);

  std::size_t copies() const { return copies_; }
  // Bytes stored over all holders: r L.
  std::uint64_t storage_bytes(std::uint64_t blob_bytes) const { return copies_ * blob_bytes; }
  // Bytes a repair of `lost_copies` copies downloads: one copy (L bytes) per lost copy.
  BaselineRepairCost repair_cost(std::uint64_t blob_bytes, std::size_t lost_copies) const;

 private:
  explicit ReplicationScheme(std::size_t copies) : copies_(copies) {}
  std::size_t copies_;
};

// The r copies of `blob` (copy i for holder i).
std::vector<std::vector<std::uint8_t>> replicate(const ReplicationScheme& scheme,
                                                 std::span<const std::uint8_t> blob);

// Repairs one lost copy of a blob of `blob_bytes` bytes from `live_copy`: on kOk *rebuilt is the
// copy and *cost grows by repair_cost(blob_bytes, 1). Returns kOk, or kWrongPieceSize when the
// live copy is not blob_bytes long (nothing written).
BaselineStatus replication_repair(const ReplicationScheme& scheme, std::uint64_t blob_bytes,
                                  std::span<const std::uint8_t> live_copy,
                                  std::vector<std::uint8_t>* rebuilt, BaselineRepairCost* cost);

}  // namespace sliversim::codec
