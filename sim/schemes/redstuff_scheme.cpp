// The RedStuff scheme: encoding, the per-blob record and the unit layout (see redstuff_scheme.hpp;
// planning is in redstuff_plan.cpp, repairs in redstuff_repair.cpp).
#include "sim/schemes/redstuff_scheme.hpp"

#include <algorithm>
#include <utility>

#include "codec/blob_id.hpp"
#include "codec/sliver_encoder.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/schemes/redstuff_record.hpp"

namespace sliversim::schemes {

std::unique_ptr<RedStuffScheme> RedStuffScheme::make(std::size_t n_shards,
                                                     RedStuffOptions options) {
  const std::optional<codec::RedStuffParams> params = codec::RedStuffParams::make(n_shards);
  if (!params) return nullptr;
  return std::unique_ptr<RedStuffScheme>(new RedStuffScheme(*params, options));
}

RedStuffScheme::RedStuffScheme(codec::RedStuffParams params, RedStuffOptions options)
    : params_(params), options_(options) {}

RedStuffScheme::~RedStuffScheme() = default;

const RedStuffScheme::BlobRecord& RedStuffScheme::record(model::BlobIndex blob) const {
  const std::size_t b = model::index_of(blob);
  kernel::check_invariant(b < blobs_.size() && blobs_[b] != nullptr,
                          "redstuff: a blob that is not encoded");
  return *blobs_[b];
}

RedStuffScheme::BlobRecord& RedStuffScheme::record(model::BlobIndex blob) {
  return const_cast<BlobRecord&>(std::as_const(*this).record(blob));
}

std::vector<std::uint8_t> RedStuffScheme::unit_of_pair(const codec::ExpandedBlob& expanded,
                                                       codec::SliverPairIndex p) {
  const codec::RedStuffParams& params = expanded.params();
  const std::span<const std::uint8_t> primary =
      expanded.primary_sliver(params.sliver_of_pair(p, codec::SliverAxis::kPrimary));
  const std::vector<std::uint8_t> secondary =
      expanded.secondary_sliver(params.sliver_of_pair(p, codec::SliverAxis::kSecondary));
  std::vector<std::uint8_t> unit;
  unit.reserve(primary.size() + secondary.size());
  unit.insert(unit.end(), primary.begin(), primary.end());
  unit.insert(unit.end(), secondary.begin(), secondary.end());
  return unit;
}

void RedStuffScheme::encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) {
  const std::size_t b = model::index_of(blob);
  if (b >= blobs_.size()) blobs_.resize(b + 1);
  kernel::check_invariant(blobs_[b] == nullptr, "redstuff: a blob encoded twice");
  const std::size_t n = params_.n_shards();
  const std::uint64_t length = content.size();
  std::size_t s = 0;
  kernel::check_invariant(params_.symbol_bytes_for(length, &s) == codec::RedStuffStatus::kOk,
                          "redstuff: a blob larger than the largest RedStuff blob");
  // The units by pair index, written by the encoder in place: primary sliver p, then secondary
  // sliver n-1-p.
  const std::size_t primary_bytes = params_.secondary_source_symbols() * s;
  std::vector<std::vector<std::uint8_t>> units =
      new_units(n, primary_bytes + params_.primary_source_symbols() * s, options_.threads);
  std::vector<std::uint8_t*> primary(n);
  std::vector<std::uint8_t*> secondary(n);
  for (std::size_t p = 0; p < n; ++p) {
    primary[p] = units[p].data();
    secondary[n - 1 - p] = units[p].data() + primary_bytes;
  }
  // The message rows, in blob order, into primary slivers 0..k_p-1 (zeros past the blob's end).
  for (std::uint64_t at = 0, r = 0; at < length; at += primary_bytes, ++r) {
    const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(primary_bytes, length - at));
    content.read({primary[r], take});
  }
  const std::size_t level = redstuff::cache_block_level(n, s);
  // Blobs of large symbols get every helper tree cached at once: a first repair would otherwise
  // expand and hash every helper sliver.
  const bool fill_cache = options_.helper_cache && level < redstuff::kSmallSymbolBlockLevel;
  codec::EncodedSlivers encoded;
  kernel::check_invariant(
      codec::encode_slivers_in_place(params_, length, options_.threads, {primary, secondary},
                                     fill_cache, &encoded) == codec::RedStuffStatus::kOk,
      "redstuff: a blob could not be encoded");
  auto rec = std::make_unique<BlobRecord>();
  rec->unencoded_bytes = length;
  rec->symbol_bytes = s;
  rec->id = encoded.blob_id;
  rec->rotation = codec::shard_rotation(encoded.blob_id, n);
  rec->metadata = std::move(encoded.metadata);
  if (options_.helper_cache) rec->cache = redstuff::HelperCache(n, level);
  if (fill_cache && !encoded.leaf_digests.empty()) {
    redstuff::fill_from_leaf_digests(rec->cache, encoded.leaf_digests, rec->metadata,
                                     options_.threads);
  }
  for (std::size_t shard = 0; shard < n; ++shard) {
    const codec::SliverPairIndex p =
        codec::pair_for_shard(encoded.blob_id, static_cast<codec::ShardIndex>(shard), n);
    store.put(blob, model::id_at<model::ShardId>(shard), std::move(units[codec::to_size(p)]));
  }
  blobs_[b] = std::move(rec);
}

bool RedStuffScheme::holds_unit(model::BlobIndex, model::ShardId) const { return true; }

std::uint64_t RedStuffScheme::unit_bytes(model::BlobIndex blob, model::ShardId) const {
  return static_cast<std::uint64_t>(params_.primary_source_symbols() +
                                    params_.secondary_source_symbols()) *
         record(blob).symbol_bytes;
}

std::uint64_t RedStuffScheme::stored_bytes(model::BlobIndex blob) const {
  return unit_bytes(blob, model::ShardId{0}) * params_.n_shards();
}

void RedStuffScheme::forget(model::BlobIndex blob) {
  const std::size_t b = model::index_of(blob);
  if (b < blobs_.size()) blobs_[b].reset();
}

const codec::BlobMetadata& RedStuffScheme::metadata(model::BlobIndex blob) const {
  return record(blob).metadata;
}

const codec::BlobId& RedStuffScheme::blob_id(model::BlobIndex blob) const {
  return record(blob).id;
}

std::size_t RedStuffScheme::symbol_bytes(model::BlobIndex blob) const {
  return record(blob).symbol_bytes;
}

codec::SliverPairIndex RedStuffScheme::pair_of_shard(model::BlobIndex blob,
                                                     model::ShardId shard) const {
  const std::size_t n = params_.n_shards();
  return static_cast<codec::SliverPairIndex>((model::index_of(shard) + n - record(blob).rotation) %
                                             n);
}

std::uint64_t RedStuffScheme::cache_bytes() const {
  std::uint64_t total = 0;
  for (const auto& rec : blobs_) {
    if (rec != nullptr) total += rec->cache.bytes();
  }
  return total;
}

}  // namespace sliversim::schemes
