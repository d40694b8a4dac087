// The r-way replication baseline (see baseline_replication.hpp).
#include "codec/baseline_replication.hpp"

namespace sliversim::codec {

std::optional<ReplicationScheme> ReplicationScheme::make(std::size_t copies) {
  if (copies == 0) return std::nullopt;
  return ReplicationScheme(copies);
}

BaselineRepairCost ReplicationScheme::repair_cost(std::uint64_t blob_bytes,
                                                  std::size_t lost_copies) const {
  return {lost_copies, lost_copies * blob_bytes};
}

std::vector<std::vector<std::uint8_t>> replicate(const ReplicationScheme& scheme,
                                                 std::span<const std::uint8_t> blob) {
  return std::vector<std::vector<std::uint8_t>>(
      scheme.copies(), std::vector<std::uint8_t>(blob.begin(), blob.end()));
}

BaselineStatus replication_repair(const ReplicationScheme& scheme, std::uint64_t blob_bytes,
                                  std::span<const std::uint8_t> live_copy,
                                  std::vector<std::uint8_t>* rebuilt, BaselineRepairCost* cost) {
  if (live_copy.size() != blob_bytes) return BaselineStatus::kWrongPieceSize;
  rebuilt->assign(live_copy.begin(), live_copy.end());
  *cost += scheme.repair_cost(blob_bytes, 1);
  return BaselineStatus::kOk;
}

}  // namespace sliversim::codec
