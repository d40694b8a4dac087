// The RedStuff encoder (see redstuff_encoder.hpp).
#include "codec/redstuff_encoder.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "codec/parallel.hpp"

namespace sliversim::codec {
namespace {

// Fills rows [begin, end) of the message matrix (the first k_s symbols of E's rows < k_p) from
// the blob, zero-padding past its end.
void fill_message_rows(const RedStuffParams& p, std::span<const std::uint8_t> blob, std::size_t s,
                       std::uint8_t* matrix, std::size_t begin, std::size_t end) {
  const std::size_t message_row_bytes = p.secondary_source_symbols() * s;
  const std::size_t row_bytes = p.n_shards() * s;
  for (std::size_t r = begin; r < end; ++r) {
    std::uint8_t* dst = matrix + r * row_bytes;
    const std::size_t offset = std::min(blob.size(), r * message_row_bytes);
    const std::size_t take = std::min(blob.size() - offset, message_row_bytes);
    if (take > 0) std::memcpy(dst, blob.data() + offset, take);
    std::memset(dst + take, 0, message_row_bytes - take);
  }
}

// Secondary encoding of message rows [begin, end): one batched call, a codeword per row.
void encode_rows(const RedStuffParams& p, std::size_t s, std::uint8_t* matrix, std::size_t begin,
                 std::size_t end) {
  const std::size_t n = p.n_shards();
  const std::size_t k_s = p.secondary_source_symbols();
  std::uint8_t* first_row = matrix + begin * n * s;
  std::vector<const std::uint8_t*> originals(k_s);
  std::vector<std::uint8_t*> recovery(n - k_s);
  for (std::size_t c = 0; c < k_s; ++c) originals[c] = first_row + c * s;
  for (std::size_t c = k_s; c < n; ++c) recovery[c - k_s] = first_row + c * s;
  const Batch batch{s, end - begin, n * s};
  if (rs_encode(p.secondary_code(), batch, originals, recovery) != RsStatus::kOk) std::abort();
}

// Primary encoding of columns [begin, end) of all n columns: one batched call, a codeword per
// column (the columns' symbols of one row are adjacent, so the stride is s).
void encode_columns(const RedStuffParams& p, std::size_t s, std::uint8_t* matrix, std::size_t begin,
                    std::size_t end) {
  const std::size_t n = p.n_shards();
  const std::size_t k_p = p.primary_source_symbols();
  std::vector<const std::uint8_t*> originals(k_p);
  std::vector<std::uint8_t*> recovery(n - k_p);
  for (std::size_t r = 0; r < k_p; ++r) originals[r] = matrix + (r * n + begin) * s;
  for (std::size_t r = k_p; r < n; ++r) recovery[r - k_p] = matrix + (r * n + begin) * s;
  const Batch batch{s, end - begin, s};
  if (rs_encode(p.primary_code(), batch, originals, recovery) != RsStatus::kOk) std::abort();
}

}  // namespace

std::span<const std::uint8_t> ExpandedBlob::matrix() const {
  return {matrix_.data(), n_shards() * row_bytes()};
}

const std::uint8_t* ExpandedBlob::symbol(std::size_t row, std::size_t col) const {
  return matrix_.data() + row * row_bytes() + col * symbol_bytes_;
}

std::span<const std::uint8_t> ExpandedBlob::row(std::size_t i) const {
  return {symbol(i, 0), row_bytes()};
}

std::span<const std::uint8_t> ExpandedBlob::primary_sliver(SliverIndex i) const {
  return {symbol(to_size(i), 0), params_.secondary_source_symbols() * symbol_bytes_};
}

std::vector<std::uint8_t> ExpandedBlob::column(std::size_t j) const {
  std::vector<std::uint8_t> out(n_shards() * symbol_bytes_);
  for (std::size_t r = 0; r < n_shards(); ++r) {
    std::memcpy(out.data() + r * symbol_bytes_, symbol(r, j), symbol_bytes_);
  }
  return out;
}

std::vector<std::uint8_t> ExpandedBlob::secondary_sliver(SliverIndex j) const {
  std::vector<std::uint8_t> out(params_.primary_source_symbols() * symbol_bytes_);
  for (std::size_t r = 0; r < params_.primary_source_symbols(); ++r) {
    std::memcpy(out.data() + r * symbol_bytes_, symbol(r, to_size(j)), symbol_bytes_);
  }
  return out;
}

std::vector<std::uint8_t> ExpandedBlob::sliver(SliverAxis axis, SliverIndex i) const {
  if (axis == SliverAxis::kSecondary) return secondary_sliver(i);
  const auto view = primary_sliver(i);
  return {view.begin(), view.end()};
}

RedStuffStatus encode_expanded(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                               std::size_t threads, ExpandedBlob* out) {
  std::size_t s = 0;
  if (const RedStuffStatus st = params.symbol_bytes_for(blob.size(), &s);
      st != RedStuffStatus::kOk) {
    return st;
  }
  const std::size_t n = params.n_shards();
  const std::size_t workers = resolve_threads(threads);
  ExpandedBlob e;
  e.params_ = params;
  e.symbol_bytes_ = s;
  e.unencoded_bytes_ = blob.size();
  // Every byte is written below, so the matrix is not zeroed first.
  e.matrix_ = LargeBuffer(n * n * s);
  std::uint8_t* m = e.matrix_.data();
  const std::size_t k_p = params.primary_source_symbols();
  parallel_ranges(k_p, workers, [&](std::size_t begin, std::size_t end) {
    fill_message_rows(params, blob, s, m, begin, end);
    encode_rows(params, s, m, begin, end);
  });
  parallel_ranges(n, workers, [&](std::size_t begin, std::size_t end) {
    encode_columns(params, s, m, begin, end);
  });
  *out = std::move(e);
  return RedStuffStatus::kOk;
}

SliverPair sliver_pair(const ExpandedBlob& expanded, SliverPairIndex p) {
  const RedStuffParams& params = expanded.params();
  return SliverPair{
      p, expanded.sliver(SliverAxis::kPrimary, params.sliver_of_pair(p, SliverAxis::kPrimary)),
      expanded.sliver(SliverAxis::kSecondary, params.sliver_of_pair(p, SliverAxis::kSecondary))};
}

std::vector<SliverPair> sliver_pairs(const ExpandedBlob& expanded) {
  std::vector<SliverPair> out;
  out.reserve(expanded.n_shards());
  for (std::size_t p = 0; p < expanded.n_shards(); ++p) {
    out.push_back(sliver_pair(expanded, static_cast<SliverPairIndex>(p)));
  }
  return out;
}

}  // namespace sliversim::codec
