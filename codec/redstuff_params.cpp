// RedStuff parameters (see redstuff_params.hpp).
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {
namespace {

std::size_t faulty_for(std::size_t n) { return (n - 1) / 3; }

}  // namespace

RedStuffParams::RedStuffParams(std::size_t n, RsCode primary, RsCode secondary)
    : n_(n), f_(faulty_for(n)), primary_code_(primary), secondary_code_(secondary) {}

RedStuffStatus RedStuffParams::check(std::size_t n_shards) {
  if (n_shards < kMinShards || n_shards > kMaxShards) return RedStuffStatus::kInvalidShardCount;
  const std::size_t f = faulty_for(n_shards);
  const std::size_t k_p = n_shards - 2 * f;
  const std::size_t k_s = n_shards - f;
  if (RsCode::check(k_p, n_shards - k_p) != RsStatus::kOk ||
      RsCode::check(k_s, n_shards - k_s) != RsStatus::kOk) {
    return RedStuffStatus::kInvalidShardCount;
  }
  return RedStuffStatus::kOk;
}

std::optional<RedStuffParams> RedStuffParams::make(std::size_t n_shards) {
  if (check(n_shards) != RedStuffStatus::kOk) return std::nullopt;
  const std::size_t f = faulty_for(n_shards);
  const std::size_t k_p = n_shards - 2 * f;
  const std::size_t k_s = n_shards - f;
  return RedStuffParams(n_shards, *RsCode::make(k_p, n_shards - k_p),
                        *RsCode::make(k_s, n_shards - k_s));
}

std::size_t RedStuffParams::symbols_per_sliver(SliverAxis axis) const {
  return axis == SliverAxis::kPrimary ? secondary_source_symbols() : primary_source_symbols();
}

std::size_t RedStuffParams::decoding_threshold(SliverAxis axis) const {
  return axis == SliverAxis::kPrimary ? primary_source_symbols() : secondary_source_symbols();
}

const RsCode& RedStuffParams::expansion_code(SliverAxis axis) const {
  return axis == SliverAxis::kPrimary ? secondary_code_ : primary_code_;
}

RedStuffStatus RedStuffParams::symbol_bytes_for(std::uint64_t blob_bytes,
                                                std::size_t* symbol_bytes) const {
  const std::uint64_t source = static_cast<std::uint64_t>(primary_source_symbols()) *
                               static_cast<std::uint64_t>(secondary_source_symbols());
  const std::uint64_t length = blob_bytes == 0 ? 1 : blob_bytes;
  std::uint64_t s = length / source + (length % source != 0 ? 1 : 0);
  s += s % 2;
  if (s > kMaxSymbolBytes) return RedStuffStatus::kBlobTooLarge;
  *symbol_bytes = static_cast<std::size_t>(s);
  return RedStuffStatus::kOk;
}

std::uint64_t RedStuffParams::max_blob_bytes() const {
  return static_cast<std::uint64_t>(primary_source_symbols()) *
         static_cast<std::uint64_t>(secondary_source_symbols()) * kMaxSymbolBytes;
}

SliverIndex RedStuffParams::sliver_of_pair(SliverPairIndex p, SliverAxis axis) const {
  const std::size_t i = axis == SliverAxis::kPrimary ? to_size(p) : n_ - 1 - to_size(p);
  return static_cast<SliverIndex>(i);
}

SliverPairIndex RedStuffParams::pair_of_sliver(SliverIndex i, SliverAxis axis) const {
  const std::size_t p = axis == SliverAxis::kPrimary ? to_size(i) : n_ - 1 - to_size(i);
  return static_cast<SliverPairIndex>(p);
}

}  // namespace sliversim::codec
