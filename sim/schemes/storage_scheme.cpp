// Names of the repair byte categories and their sum (see storage_scheme.hpp).
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

std::string_view category_name(ByteCategory c) {
  switch (c) {
    case ByteCategory::kSymbols:
      return "symbols";
    case ByteCategory::kProofs:
      return "proofs";
    case ByteCategory::kMetadata:
      return "metadata";
    case ByteCategory::kTransfer:
      return "transfer";
    case ByteCategory::kFullBlob:
      return "full_blob";
  }
  return "unknown";
}

std::uint64_t ByteCounts::total() const {
  std::uint64_t sum = 0;
  for (const std::uint64_t bytes : by_category) sum += bytes;
  return sum;
}

}  // namespace sliversim::schemes
