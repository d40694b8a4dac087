// Descriptions of baseline statuses (see baseline_repair.hpp).
#include "codec/baseline_repair.hpp"

namespace sliversim::codec {

std::string_view describe(BaselineStatus status) {
  switch (status) {
    case BaselineStatus::kOk:
      return "ok";
    case BaselineStatus::kInvalidShape:
      return "unsupported shape (shards, source pieces or copies)";
    case BaselineStatus::kTooFewPieces:
      return "too few pieces to repair";
    case BaselineStatus::kInvalidPieceIndex:
      return "piece index out of range";
    case BaselineStatus::kDuplicatePiece:
      return "the same piece given twice";
    case BaselineStatus::kWrongPieceSize:
      return "piece size does not match the scheme's";
  }
  return "unknown status";
}

}  // namespace sliversim::codec
