// Erasure decoding by linear combination (see rs_direct_decode.hpp).
#include "codec/rs_direct_decode.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "codec/gf16.hpp"
#include "codec/parallel.hpp"

namespace sliversim::codec {
namespace {

using gf16::kBlockBytes;
using gf16::kModulus;
using gf16::Log;

// Bytes of all wanted shards' part of one chunk of a symbol, aimed at the core's L2 cache; the
// received chunk read in between stays in L1.
constexpr std::size_t kChunkTargetBytes = std::size_t{512} << 10;
constexpr std::size_t kMinChunkBytes = 1024;
constexpr std::size_t kMaxChunkBytes = 16384;

// The erased wanted positions, each once, and the row of coefficients of each wanted entry.
struct Erased {
  std::vector<std::size_t> positions;  // distinct, in first-wanted order
  std::vector<std::size_t> row_of;     // per wanted entry: its row, or SIZE_MAX when received
};

RsStatus check_arguments(const RsErasurePlan& plan, const Batch& batch,
                         std::span<const ShardIn> received, std::span<const ShardOut> wanted) {
  const std::size_t total = plan.code().total_count();
  if (batch.symbol_bytes == 0 || batch.symbol_bytes % 2 != 0 || batch.codeword_count == 0) {
    return RsStatus::kInvalidSymbolSize;
  }
  std::vector<std::uint8_t> seen(total, 0);
  for (const ShardIn& s : received) {
    if (s.index >= total || !plan.received(s.index)) return RsStatus::kInvalidShardIndex;
    if (seen[s.index] != 0) return RsStatus::kDuplicateShardIndex;
    if (s.data == nullptr) return RsStatus::kNullBuffer;
    seen[s.index] = 1;
  }
  std::size_t planned = 0;
  for (std::size_t i = 0; i < total; ++i) planned += plan.received(i) ? 1U : 0U;
  if (received.size() != planned) return RsStatus::kTooFewShards;
  for (const ShardOut& w : wanted) {
    if (w.index >= total) return RsStatus::kInvalidShardIndex;
    if (w.data == nullptr) return RsStatus::kNullBuffer;
  }
  return RsStatus::kOk;
}

Erased erased_wanted(const RsErasurePlan& plan, std::span<const ShardOut> wanted) {
  Erased e;
  for (const ShardOut& w : wanted) {
    if (plan.received(w.index)) {
      e.row_of.push_back(SIZE_MAX);
      continue;
    }
    const auto it = std::find(e.positions.begin(), e.positions.end(), w.index);
    e.row_of.push_back(static_cast<std::size_t>(it - e.positions.begin()));
    if (it == e.positions.end()) e.positions.push_back(w.index);
  }
  return e;
}

// The logs of the coefficients, [row * received + j] (kModulus for a zero coefficient): decodes
// one unit codeword per received shard j (element 1 at shard j, 0 at the others), each a 2-byte
// symbol, in one batch.
std::vector<Log> coefficient_logs(const RsErasurePlan& plan, std::span<const ShardIn> received,
                                  std::span<const std::size_t> positions,
                                  const gf16::Kernels& kern) {
  const std::size_t count = received.size();
  const Batch unit{2, count, 0};
  std::vector<std::uint8_t> identity(count * count * 2, 0);
  std::vector<ShardIn> in;
  for (std::size_t j = 0; j < count; ++j) {
    identity[(j * count + j) * 2] = 1;  // little-endian element 1 of codeword j
    in.push_back({received[j].index, identity.data() + j * count * 2});
  }
  std::vector<std::uint8_t> rows(positions.size() * count * 2);
  std::vector<ShardOut> out;
  for (std::size_t r = 0; r < positions.size(); ++r) {
    out.push_back({positions[r], rows.data() + r * count * 2});
  }
  // The arguments were checked, so the unit decode cannot fail.
  if (rs_decode(plan, unit, in, out, kern) != RsStatus::kOk) std::abort();
  const gf16::Tables& t = gf16::tables();
  std::vector<Log> logs(positions.size() * count);
  for (std::size_t i = 0; i < logs.size(); ++i) {
    const auto c = static_cast<gf16::Element>(rows[2 * i] | (rows[2 * i + 1] << 8));
    logs[i] = c == 0 ? static_cast<Log>(kModulus) : t.log[c];
  }
  return logs;
}

// What the workers share.
struct Job {
  const Batch& batch;
  std::span<const ShardIn> received;
  std::vector<std::uint8_t*> rows_out;  // per coefficient row: where its symbols go (user layout)
  const std::vector<Log>& logs;
  const gf16::Kernels& kern;
  std::size_t head_bytes;   // the symbol's whole 64-byte blocks: user layout = internal layout
  std::size_t chunk_bytes;  // head bytes per item
  std::size_t head_chunks;
  std::size_t items_per_symbol;  // head chunks, plus one for the tail when there is one
};

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

// Bytes [offset, offset + bytes) of codeword b's symbols, all whole blocks, in place.
void combine_head(const Job& job, std::size_t b, std::size_t offset, std::size_t bytes) {
  const std::size_t at = b * job.batch.stride() + offset;
  const std::size_t count = job.received.size();
  for (std::uint8_t* out : job.rows_out) std::memset(out + at, 0, bytes);
  for (std::size_t j = 0; j < count; ++j) {
    const std::uint8_t* in = job.received[j].data + at;
    for (std::size_t r = 0; r < job.rows_out.size(); ++r) {
      accumulate(job.kern, job.rows_out[r] + at, in, job.logs[r * count + j], bytes);
    }
  }
}

// The tail (symbol_bytes mod 64 bytes) of codeword b's symbols, through one internal block each.
void combine_tail(const Job& job, std::size_t b) {
  const std::size_t at = b * job.batch.stride() + job.head_bytes;
  const Batch tail{job.batch.symbol_bytes - job.head_bytes, 1, 0};
  const std::size_t rows = job.rows_out.size();
  const std::size_t count = job.received.size();
  AlignedBuffer acc(rows * kBlockBytes);
  AlignedBuffer in(kBlockBytes);
  for (std::size_t j = 0; j < count; ++j) {
    import_shard(tail, job.received[j].data + at, in.data());
    for (std::size_t r = 0; r < rows; ++r) {
      accumulate(job.kern, acc.data() + r * kBlockBytes, in.data(), job.logs[r * count + j],
                 kBlockBytes);
    }
  }
  for (std::size_t r = 0; r < rows; ++r) {
    export_shard(tail, acc.data() + r * kBlockBytes, job.rows_out[r] + at);
  }
}

void run_item(const Job& job, std::size_t item) {
  const std::size_t b = item / job.items_per_symbol;
  const std::size_t c = item % job.items_per_symbol;
  if (c == job.head_chunks) {
    combine_tail(job, b);
    return;
  }
  const std::size_t offset = c * job.chunk_bytes;
  combine_head(job, b, offset, std::min(job.chunk_bytes, job.head_bytes - offset));
}

}  // namespace

bool rs_direct_decode_pays(const RsCode& code, std::size_t erased_wanted) {
  const std::size_t n = code.work_size();
  const auto log_n = static_cast<std::size_t>(std::countr_zero(n));
  return erased_wanted * code.original_count() < n * std::max<std::size_t>(log_n, 1);
}

RsStatus rs_decode_direct(const RsErasurePlan& plan, const Batch& batch,
                          std::span<const ShardIn> received, std::span<const ShardOut> wanted,
                          std::size_t threads, const gf16::Kernels& kernels) {
  if (const RsStatus st = check_arguments(plan, batch, received, wanted); st != RsStatus::kOk) {
    return st;
  }
  const Erased erased = erased_wanted(plan, wanted);
  if (!erased.positions.empty()) {
    const std::vector<Log> logs = coefficient_logs(plan, received, erased.positions, kernels);
    const std::size_t s = batch.symbol_bytes;
    const std::size_t head = s - s % kBlockBytes;
    const std::size_t per_chunk =
        std::clamp(kChunkTargetBytes / erased.positions.size(), kMinChunkBytes, kMaxChunkBytes);
    Job job{batch,
            received,
            std::vector<std::uint8_t*>(erased.positions.size()),
            logs,
            kernels,
            head,
            per_chunk / kBlockBytes * kBlockBytes,
            0,
            0};
    for (std::size_t w = 0; w < wanted.size(); ++w) {
      const std::size_t row = erased.row_of[w];
      if (row != SIZE_MAX && job.rows_out[row] == nullptr) job.rows_out[row] = wanted[w].data;
    }
    job.head_chunks = (head + job.chunk_bytes - 1) / job.chunk_bytes;
    job.items_per_symbol = job.head_chunks + (head == s ? 0 : 1);
    parallel_ranges(batch.codeword_count * job.items_per_symbol, resolve_threads(threads),
                    [&](std::size_t begin, std::size_t end) {
                      for (std::size_t i = begin; i < end; ++i) run_item(job, i);
                    });
    // A position wanted twice is computed into its first buffer and copied to the others.
    for (std::size_t w = 0; w < wanted.size(); ++w) {
      const std::size_t row = erased.row_of[w];
      if (row == SIZE_MAX || job.rows_out[row] == wanted[w].data) continue;
      for (std::size_t b = 0; b < batch.codeword_count; ++b) {
        std::memcpy(wanted[w].data + b * batch.stride(), job.rows_out[row] + b * batch.stride(), s);
      }
    }
  }
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    if (erased.row_of[w] != SIZE_MAX) continue;
    const auto in = std::find_if(received.begin(), received.end(),
                                 [&](const ShardIn& r) { return r.index == wanted[w].index; });
    for (std::size_t b = 0; b < batch.codeword_count; ++b) {
      std::memmove(wanted[w].data + b * batch.stride(), in->data + b * batch.stride(),
                   batch.symbol_bytes);
    }
  }
  return RsStatus::kOk;
}

}  // namespace sliversim::codec
