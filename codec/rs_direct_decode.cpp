// Erasure decoding by linear combination (see rs_direct_decode.hpp).
//
// A symbol of at least kMinChunkBytes is combined in place, chunk by chunk: its whole 64-byte
// blocks already are the internal layout, and its tail goes through one internal block. Smaller
// symbols are combined a group of codewords at a time, imported into the internal layout (their
// elements packed) and exported back. Either way a chunk of every wanted shard stays in cache
// while the received shards stream through it once.
#include "codec/rs_direct_decode.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>

#include "codec/gf16.hpp"
#include "codec/parallel.hpp"

namespace sliversim::codec {
namespace {

using gf16::kBlockBytes;
using gf16::kModulus;
using gf16::Log;

// Bytes of all wanted shards' part of one chunk, aimed at the core's L2 cache.
constexpr std::size_t kChunkTargetBytes = std::size_t{512} << 10;
constexpr std::size_t kMinChunkBytes = 1024;
constexpr std::size_t kMaxChunkBytes = 16384;

bool valid_batch(const Batch& b) {
  return b.symbol_bytes > 0 && b.symbol_bytes % 2 == 0 && b.codeword_count > 0;
}

// out ^= in * exp(log) over `bytes` internal bytes, skipping zero coefficients.
void accumulate(const gf16::Kernels& kern, std::uint8_t* out, const std::uint8_t* in, Log log,
                std::size_t bytes) {
  if (log == kModulus) return;
  if (log == 0) {
    kern.add(out, in, bytes);
  } else {
    kern.mul_add(out, in, log, bytes);
  }
}

// One apply call: the work is cut into items, each an independent slice of the output.
struct Work {
  const Batch& batch;
  std::span<const std::uint8_t* const> in;
  std::span<std::uint8_t* const> out;
  const std::vector<Log>& logs;
  const gf16::Kernels& kern;
  std::size_t chunk_bytes;   // internal bytes per wanted shard and item
  std::size_t head_bytes;    // in-place mode: the symbol's whole 64-byte blocks
  std::size_t head_chunks;   // in-place mode: head chunks per codeword
  std::size_t per_codeword;  // in-place mode: items per codeword (chunks, then the tail)
  std::size_t group = 0;     // grouped mode: codewords per item (0: in-place mode)

  Log log(std::size_t w, std::size_t j) const { return logs[w * in.size() + j]; }
};

// In place: bytes [offset, offset + bytes) of codeword b's symbols, whole blocks.
void combine_head(const Work& work, std::size_t b, std::size_t offset, std::size_t bytes) {
  const std::size_t at = b * work.batch.stride() + offset;
  for (std::uint8_t* out : work.out) std::memset(out + at, 0, bytes);
  for (std::size_t j = 0; j < work.in.size(); ++j) {
    for (std::size_t w = 0; w < work.out.size(); ++w) {
      accumulate(work.kern, work.out[w] + at, work.in[j] + at, work.log(w, j), bytes);
    }
  }
}

// Codewords [first, first + count) of the batch (or, in place, the tail of codeword `first`)
// through internal blocks: import each received part, accumulate, export each wanted part.
void combine_imported(const Work& work, const Batch& part, std::size_t at) {
  const std::size_t bytes = part.internal_shard_bytes();
  AlignedBuffer acc(work.out.size() * bytes);
  AlignedBuffer in(bytes, AlignedBuffer::kUninitialized);
  for (std::size_t j = 0; j < work.in.size(); ++j) {
    import_shard(part, work.in[j] + at, in.data());
    for (std::size_t w = 0; w < work.out.size(); ++w) {
      accumulate(work.kern, acc.data() + w * bytes, in.data(), work.log(w, j), bytes);
    }
  }
  for (std::size_t w = 0; w < work.out.size(); ++w) {
    export_shard(part, acc.data() + w * bytes, work.out[w] + at);
  }
}

void run_item(const Work& work, std::size_t item) {
  const Batch& batch = work.batch;
  if (work.group != 0) {
    const std::size_t first = item * work.group;
    const std::size_t count = std::min(work.group, batch.codeword_count - first);
    combine_imported(work, Batch{batch.symbol_bytes, count, batch.stride()},
                     first * batch.stride());
    return;
  }
  const std::size_t b = item / work.per_codeword;
  const std::size_t c = item % work.per_codeword;
  if (c == work.head_chunks) {
    combine_imported(work, Batch{batch.symbol_bytes - work.head_bytes, 1, 0},
                     b * batch.stride() + work.head_bytes);
    return;
  }
  const std::size_t offset = c * work.chunk_bytes;
  combine_head(work, b, offset, std::min(work.chunk_bytes, work.head_bytes - offset));
}

}  // namespace

bool rs_direct_decode_pays(const RsCode& code, std::size_t erased_wanted, std::size_t shard_bytes) {
  const std::size_t n = code.work_size();
  const auto log_n = static_cast<std::size_t>(std::countr_zero(n));
  const std::size_t transform = n * std::max<std::size_t>(log_n, 1);
  const std::size_t k = code.original_count();
  if (shard_bytes == 0) return erased_wanted * k < transform;
  // Per byte of a received shard: direct erased * k, plus the coefficients' transform of 2k
  // bytes spread over shard_bytes; the transform decoder `transform`.
  return erased_wanted * k * shard_bytes + transform * 2 * k < transform * shard_bytes;
}

RsStatus RsCombination::make(const RsErasurePlan& plan, std::span<const std::size_t> received,
                             std::span<const std::size_t> wanted, RsCombination* out,
                             const gf16::Kernels& kernels) {
  const std::size_t total = plan.code().total_count();
  std::vector<std::uint8_t> seen(total, 0);
  for (const std::size_t i : received) {
    if (i >= total || !plan.received(i)) return RsStatus::kInvalidShardIndex;
    if (seen[i] != 0) return RsStatus::kDuplicateShardIndex;
    seen[i] = 1;
  }
  std::size_t planned = 0;
  for (std::size_t i = 0; i < total; ++i) planned += plan.received(i) ? 1U : 0U;
  if (received.size() != planned) return RsStatus::kTooFewShards;
  for (const std::size_t w : wanted) {
    if (w >= total || plan.received(w)) return RsStatus::kInvalidShardIndex;
    if (seen[w] != 0) return RsStatus::kDuplicateShardIndex;
    seen[w] = 1;
  }
  // One unit codeword per received shard j (element 1 at shard j, 0 at the others), each a
  // 2-byte symbol, decoded in one batch: codeword j's wanted element w is coefficient [w][j].
  const std::size_t count = received.size();
  const Batch unit{2, count, 0};
  std::vector<std::uint8_t> identity(count * count * 2, 0);
  std::vector<ShardIn> in;
  for (std::size_t j = 0; j < count; ++j) {
    identity[(j * count + j) * 2] = 1;  // little-endian element 1
    in.push_back({received[j], identity.data() + j * count * 2});
  }
  std::vector<std::uint8_t> rows(wanted.size() * count * 2);
  std::vector<ShardOut> rows_out;
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    rows_out.push_back({wanted[w], rows.data() + w * count * 2});
  }
  if (const RsStatus st = rs_decode(plan, unit, in, rows_out, kernels); st != RsStatus::kOk) {
    return st;
  }
  const gf16::Tables& t = gf16::tables();
  out->logs_.resize(wanted.size() * count);
  for (std::size_t i = 0; i < out->logs_.size(); ++i) {
    const auto c = static_cast<gf16::Element>(rows[2 * i] | (rows[2 * i + 1] << 8));
    out->logs_[i] = c == 0 ? static_cast<Log>(kModulus) : t.log[c];
  }
  out->kernels_ = &kernels;
  out->received_count_ = count;
  out->wanted_count_ = wanted.size();
  return RsStatus::kOk;
}

RsStatus RsCombination::apply(const Batch& batch, std::span<const std::uint8_t* const> received,
                              std::span<std::uint8_t* const> wanted, std::size_t threads) const {
  if (!valid_batch(batch)) return RsStatus::kInvalidSymbolSize;
  if (received.size() != received_count_ || wanted.size() != wanted_count_) {
    return RsStatus::kWrongShardCount;
  }
  const auto null = [](const std::uint8_t* p) { return p == nullptr; };
  if (std::any_of(received.begin(), received.end(), null) ||
      std::any_of(wanted.begin(), wanted.end(), null)) {
    return RsStatus::kNullBuffer;
  }
  if (wanted.empty()) return RsStatus::kOk;
  const std::size_t s = batch.symbol_bytes;
  const std::size_t chunk =
      std::clamp(kChunkTargetBytes / wanted.size(), kMinChunkBytes, kMaxChunkBytes) / kBlockBytes *
      kBlockBytes;
  Work work{batch, received, wanted, logs_, *kernels_, chunk, 0, 0, 0, 0};
  std::size_t items = 0;
  if (s >= kMinChunkBytes) {
    work.head_bytes = s - s % kBlockBytes;
    work.head_chunks = (work.head_bytes + chunk - 1) / chunk;
    work.per_codeword = work.head_chunks + (work.head_bytes == s ? 0 : 1);
    items = batch.codeword_count * work.per_codeword;
  } else {
    work.group = std::max<std::size_t>(1, chunk / s);
    items = (batch.codeword_count + work.group - 1) / work.group;
  }
  parallel_ranges(items, resolve_threads(threads), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) run_item(work, i);
  });
  return RsStatus::kOk;
}

RsStatus rs_decode_direct(const RsErasurePlan& plan, const Batch& batch,
                          std::span<const ShardIn> received, std::span<const ShardOut> wanted,
                          std::size_t threads, const gf16::Kernels& kernels) {
  if (!valid_batch(batch)) return RsStatus::kInvalidSymbolSize;
  const std::size_t total = plan.code().total_count();
  std::vector<std::size_t> received_at;
  std::vector<const std::uint8_t*> in;
  for (const ShardIn& r : received) {
    if (r.data == nullptr) return RsStatus::kNullBuffer;
    received_at.push_back(r.index);
    in.push_back(r.data);
  }
  // The erased wanted positions, each once; the first buffer of each is written by the
  // combination and copied to any other.
  std::vector<std::size_t> positions;
  std::vector<std::uint8_t*> first_out;
  for (const ShardOut& w : wanted) {
    if (w.index >= total) return RsStatus::kInvalidShardIndex;
    if (w.data == nullptr) return RsStatus::kNullBuffer;
    if (plan.received(w.index) ||
        std::find(positions.begin(), positions.end(), w.index) != positions.end()) {
      continue;
    }
    positions.push_back(w.index);
    first_out.push_back(w.data);
  }
  RsCombination combination;
  if (const RsStatus st = RsCombination::make(plan, received_at, positions, &combination, kernels);
      st != RsStatus::kOk) {
    return st;
  }
  if (const RsStatus st = combination.apply(batch, in, first_out, threads); st != RsStatus::kOk) {
    return st;
  }
  for (const ShardOut& w : wanted) {
    const std::uint8_t* from = nullptr;
    if (plan.received(w.index)) {
      from = std::find_if(received.begin(), received.end(), [&](const ShardIn& r) {
               return r.index == w.index;
             })->data;
    } else {
      from = first_out[static_cast<std::size_t>(
          std::find(positions.begin(), positions.end(), w.index) - positions.begin())];
    }
    if (from == w.data) continue;
    for (std::size_t b = 0; b < batch.codeword_count; ++b) {
      std::memmove(w.data + b * batch.stride(), from + b * batch.stride(), batch.symbol_bytes);
    }
  }
  return RsStatus::kOk;
}

}  // namespace sliversim::codec
