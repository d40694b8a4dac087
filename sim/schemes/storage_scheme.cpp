// Names of the repair byte categories and their sum (see storage_scheme.hpp).
#include "sim/schemes/storage_scheme.hpp"

#include <cstring>

#include "sim/kernel/invariant.hpp"

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

void SpanContent::read(std::span<std::uint8_t> out) {
  kernel::check_invariant(out.size() <= bytes_.size() - at_, "a blob read past its end");
  if (!out.empty()) std::memcpy(out.data(), bytes_.data() + at_, out.size());
  at_ += out.size();
}

void StorageScheme::encode(model::BlobIndex blob, std::span<const std::uint8_t> bytes,
                           UnitStore& store) {
  SpanContent content(bytes);
  encode(blob, content, store);
}

std::uint64_t ByteCounts::total() const {
  std::uint64_t sum = 0;
  for (const std::uint64_t bytes : by_category) sum += bytes;
  return sum;
}

}  // namespace sliversim::schemes
