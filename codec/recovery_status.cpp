// Descriptions of recovery outcomes (see recovery_status.hpp).
#include "codec/recovery_status.hpp"

namespace sliversim::codec {

std::string_view describe(RecoveryStatus status) {
  switch (status) {
    case RecoveryStatus::kOk:
      return "ok";
    case RecoveryStatus::kInvalidTarget:
      return "target sliver index out of range";
    case RecoveryStatus::kMetadataMismatch:
      return "metadata does not match the encoding parameters";
    case RecoveryStatus::kTooFewSymbols:
      return "too few valid recovery symbols";
    case RecoveryStatus::kResultMismatch:
      return "recovered sliver contradicts the metadata although every symbol was proven";
  }
  return "unknown status";
}

std::string_view describe(SymbolVerdict verdict) {
  switch (verdict) {
    case SymbolVerdict::kValid:
      return "valid";
    case SymbolVerdict::kUnchecked:
      return "not examined";
    case SymbolVerdict::kWrongAxis:
      return "helper sliver on the target's own axis";
    case SymbolVerdict::kWrongTarget:
      return "symbol for another target sliver";
    case SymbolVerdict::kInvalidHelperIndex:
      return "helper sliver index out of range";
    case SymbolVerdict::kWrongSize:
      return "symbol size does not match the blob's";
    case SymbolVerdict::kDuplicateHelper:
      return "second symbol from the same helper sliver";
    case SymbolVerdict::kBadProof:
      return "Merkle proof does not match the helper's sliver hash";
  }
  return "unknown verdict";
}

std::string_view describe(InconsistencyStatus status) {
  switch (status) {
    case InconsistencyStatus::kProven:
      return "inconsistent encoding proven";
    case InconsistencyStatus::kMetadataMismatch:
      return "metadata does not match the encoding parameters";
    case InconsistencyStatus::kMalformed:
      return "malformed inconsistency proof";
    case InconsistencyStatus::kBadSymbolProof:
      return "a recovery symbol's Merkle proof fails";
    case InconsistencyStatus::kTargetConsistent:
      return "the symbols decode to the target's hash: nothing proven";
  }
  return "unknown status";
}

}  // namespace sliversim::codec
