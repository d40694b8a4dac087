// Reed–Solomon over GF(2^16): rate rule, encoders, erasure decoder and single-point evaluation
// (see rs16.hpp for the contracts and codec/README.md for the math).
#include "codec/rs16.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "codec/fft16.hpp"
#include "codec/segmented_work.hpp"

namespace sliversim::codec {
namespace {

using gf16::kModulus;
using gf16::Log;

std::size_t next_pow2(std::size_t x) { return std::bit_ceil(x); }

bool valid_batch(const Batch& b) {
  return b.symbol_bytes > 0 && b.symbol_bytes % 2 == 0 && b.codeword_count > 0;
}

// Multiplies an internal shard by exp(log_m), skipping the identity (log 0 or 65535).
void scale(const gf16::Kernels& k, std::uint8_t* shard, Log log_m, std::size_t bytes) {
  if (log_m != 0 && log_m != kModulus) k.mul(shard, log_m, bytes);
}

// Copies one shard position's symbols between two user buffers.
void copy_symbols(const Batch& batch, const std::uint8_t* from, std::uint8_t* to) {
  for (std::size_t b = 0; b < batch.codeword_count; ++b) {
    std::memmove(to + b * batch.stride(), from + b * batch.stride(), batch.symbol_bytes);
  }
}

// Imports originals 0..k-1 into work shards 0..k-1 and zeroes shards [k, zero_end).
void import_originals(const Batch& batch, std::span<const std::uint8_t* const> originals,
                      SegmentedWork& work, std::size_t zero_end) {
  for (std::size_t i = 0; i < originals.size(); ++i) work.import_user(i, batch, originals[i]);
  if (zero_end > originals.size()) work.zero(originals.size(), zero_end - originals.size());
}

// High rate: the work holds the originals in chunks of m shards; afterwards shards [0, m) hold the
// codeword's coefficients, the sum over chunks of each chunk's IFFT at points (c+1)m.
void high_rate_coefficients(const RsCode& code, const gf16::Kernels& kern, const fft16::Work& w) {
  const std::size_t m = code.chunk_size();
  const std::size_t k = code.original_count();
  for (std::size_t start = 0; start < k; start += m) {
    fft16::ifft(kern, w, start, m, std::min(m, k - start), start + m);
    if (start != 0) kern.add(w.shard(0), w.shard(start), m * w.shard_bytes);
  }
}

std::size_t high_rate_work_shards(const RsCode& code) {
  const std::size_t m = code.chunk_size();
  return (code.original_count() + m - 1) / m * m;
}

bool pointers_ok(std::span<const std::uint8_t* const> p) {
  return std::all_of(p.begin(), p.end(), [](const std::uint8_t* x) { return x != nullptr; });
}

}  // namespace

std::string_view describe(RsStatus status) {
  switch (status) {
    case RsStatus::kOk:
      return "ok";
    case RsStatus::kInvalidShape:
      return "invalid code shape: need k >= 1, r >= 1 and a work size of at most 65536 points";
    case RsStatus::kInvalidSymbolSize:
      return "invalid symbol size: need an even, non-zero number of bytes and >= 1 codeword";
    case RsStatus::kWrongShardCount:
      return "wrong number of shard buffers for this code";
    case RsStatus::kTooFewShards:
      return "too few shards to decode: need at least k distinct shards";
    case RsStatus::kInvalidShardIndex:
      return "shard index out of range";
    case RsStatus::kDuplicateShardIndex:
      return "the same shard index was given twice";
    case RsStatus::kNullBuffer:
      return "null shard buffer";
  }
  return "unknown status";
}

RsStatus RsCode::check(std::size_t k, std::size_t r) {
  if (k == 0 || r == 0 || k > gf16::kOrder || r > gf16::kOrder) return RsStatus::kInvalidShape;
  const std::size_t kp = next_pow2(k);
  const std::size_t rp = next_pow2(r);
  if (std::min(kp, rp) + std::max(k, r) > gf16::kOrder) return RsStatus::kInvalidShape;
  return RsStatus::kOk;
}

std::optional<RsCode> RsCode::make(std::size_t k, std::size_t r) {
  if (check(k, r) != RsStatus::kOk) return std::nullopt;
  return RsCode(k, r);
}

RsCode::RsCode(std::size_t k, std::size_t r) : k_(k), r_(r) {
  const std::size_t kp = next_pow2(k);
  const std::size_t rp = next_pow2(r);
  const bool high = kp > rp || (kp == rp && k <= r);
  rate_ = high ? RsRate::kHigh : RsRate::kLow;
  chunk_ = high ? rp : kp;
  work_ = next_pow2(chunk_ + (high ? k : r));
}

std::size_t RsCode::point_of(std::size_t i) const {
  if (rate_ == RsRate::kHigh) return i < k_ ? chunk_ + i : i - k_;
  return i < k_ ? i : chunk_ + (i - k_);
}

RsStatus rs_encode(const RsCode& code, const Batch& batch,
                   std::span<const std::uint8_t* const> originals,
                   std::span<std::uint8_t* const> recovery, const gf16::Kernels& kern) {
  if (!valid_batch(batch)) return RsStatus::kInvalidSymbolSize;
  if (originals.size() != code.original_count() || recovery.size() != code.recovery_count()) {
    return RsStatus::kWrongShardCount;
  }
  if (!pointers_ok(originals) || !pointers_ok({recovery.data(), recovery.size()})) {
    return RsStatus::kNullBuffer;
  }
  const std::size_t bytes = batch.internal_shard_bytes();
  const std::size_t chunk = code.chunk_size();
  const std::size_t k = code.original_count();
  const std::size_t r = code.recovery_count();
  const bool high = code.rate() == RsRate::kHigh;
  // Low rate: shards [0, K) coefficients, then one K-shard region per recovery chunk.
  const std::size_t low_chunks = (r + chunk - 1) / chunk;
  SegmentedWork work(high ? high_rate_work_shards(code) : chunk * (1 + low_chunks), bytes);
  import_originals(batch, originals, work, high ? high_rate_work_shards(code) : chunk);
  for (std::size_t g = 0; g < work.segments(); ++g) {
    const fft16::Work w = work.segment(g);
    if (high) {
      high_rate_coefficients(code, kern, w);
      fft16::fft(kern, w, 0, chunk, r, 0);
      continue;
    }
    fft16::ifft(kern, w, 0, chunk, k, 0);
    for (std::size_t start = 0; start < r; start += chunk) {
      std::memcpy(w.shard(chunk + start), w.shard(0), chunk * w.shard_bytes);
      fft16::fft(kern, w, chunk + start, chunk, std::min(chunk, r - start), chunk + start);
    }
  }
  const std::size_t first = high ? 0 : chunk;
  for (std::size_t i = 0; i < r; ++i) work.export_user(first + i, batch, recovery[i]);
  return RsStatus::kOk;
}

RsStatus RsErasurePlan::make(const RsCode& code, std::span<const std::size_t> received_indices,
                             RsErasurePlan* out, std::size_t direct_threshold) {
  const std::size_t total = code.total_count();
  std::vector<std::uint8_t> received(total, 0);
  std::size_t distinct = 0;
  for (const std::size_t idx : received_indices) {
    if (idx >= total) return RsStatus::kInvalidShardIndex;
    if (received[idx] != 0) return RsStatus::kDuplicateShardIndex;
    received[idx] = 1;
    ++distinct;
  }
  if (distinct < code.original_count()) return RsStatus::kTooFewShards;

  const std::size_t n = code.work_size();
  const std::size_t chunk = code.chunk_size();
  std::vector<std::uint8_t> erased(n, 0);
  if (code.rate() == RsRate::kHigh) {
    std::fill(erased.begin(), erased.begin() + static_cast<std::ptrdiff_t>(chunk), 1);
  } else {
    std::fill(erased.begin() + static_cast<std::ptrdiff_t>(chunk + code.recovery_count()),
              erased.end(), 1);
  }
  for (std::size_t i = 0; i < total; ++i) erased[code.point_of(i)] = received[i] != 0 ? 0 : 1;

  std::vector<Log> lambda(n, 0);
  const std::size_t erasure_count =
      static_cast<std::size_t>(std::count(erased.begin(), erased.end(), std::uint8_t{1}));
  const gf16::Tables& t = gf16::tables();
  if (erasure_count <= direct_threshold) {
    // Direct: lambda[i] = sum over erased j of log(omega_{i xor j}), with log(0) taken as 0.
    for (std::size_t j = 0; j < n; ++j) {
      if (erased[j] == 0) continue;
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t x = i ^ j;
        lambda[i] = gf16::add_mod(lambda[i], x == 0 ? Log{0} : t.log[x]);
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) lambda[i] = erased[i];
    gf16::fwht_mod(lambda);
    const std::span<const Log> lw = gf16::log_walsh(static_cast<unsigned>(std::countr_zero(n)));
    for (std::size_t i = 0; i < n; ++i) {
      lambda[i] = static_cast<Log>((std::uint32_t{lambda[i]} * lw[i]) % kModulus);
    }
    gf16::fwht_mod(lambda);
  }
  out->code_ = code;
  out->received_ = std::move(received);
  out->erased_ = std::move(erased);
  out->lambda_ = std::move(lambda);
  return RsStatus::kOk;
}

RsStatus rs_decode(const RsErasurePlan& plan, const Batch& batch, std::span<const ShardIn> received,
                   std::span<const ShardOut> wanted, const gf16::Kernels& kern) {
  const RsCode& code = plan.code_;
  const std::size_t total = code.total_count();
  if (!valid_batch(batch)) return RsStatus::kInvalidSymbolSize;
  std::vector<const std::uint8_t*> input(total, nullptr);
  for (const ShardIn& s : received) {
    if (s.index >= total || plan.received_[s.index] == 0) return RsStatus::kInvalidShardIndex;
    if (input[s.index] != nullptr) return RsStatus::kDuplicateShardIndex;
    if (s.data == nullptr) return RsStatus::kNullBuffer;
    input[s.index] = s.data;
  }
  const auto plan_count = static_cast<std::size_t>(
      std::count(plan.received_.begin(), plan.received_.end(), std::uint8_t{1}));
  if (received.size() != plan_count) return RsStatus::kTooFewShards;
  std::size_t out_end = 0;
  for (const ShardOut& w : wanted) {
    if (w.index >= total) return RsStatus::kInvalidShardIndex;
    if (w.data == nullptr) return RsStatus::kNullBuffer;
    if (input[w.index] == nullptr) out_end = std::max(out_end, code.point_of(w.index) + 1);
  }

  if (out_end > 0) {
    const std::size_t n = code.work_size();
    const std::size_t bytes = batch.internal_shard_bytes();
    SegmentedWork work(n, bytes);
    std::vector<std::uint8_t> filled(n, 0);
    for (std::size_t i = 0; i < total; ++i) {
      if (input[i] == nullptr) continue;
      work.import_user(code.point_of(i), batch, input[i]);
      filled[code.point_of(i)] = 1;
    }
    for (std::size_t p = 0; p < n; ++p) {
      if (filled[p] == 0) work.zero(p, 1);
    }
    const std::size_t end =
        code.chunk_size() +
        (code.rate() == RsRate::kHigh ? code.original_count() : code.recovery_count());
    for (std::size_t g = 0; g < work.segments(); ++g) {
      const fft16::Work w = work.segment(g);
      for (std::size_t p = 0; p < n; ++p) {
        if (filled[p] != 0) scale(kern, w.shard(p), plan.lambda_[p], w.shard_bytes);
      }
      fft16::ifft(kern, w, 0, n, end, 0);
      fft16::formal_derivative(kern, w, n);
      fft16::fft(kern, w, 0, n, out_end, 0);
    }
    std::vector<std::uint8_t> revealed(n, 0);
    for (const ShardOut& w : wanted) {
      if (input[w.index] != nullptr) continue;
      const std::size_t p = code.point_of(w.index);
      if (revealed[p] != 0) {
        work.export_user(p, batch, w.data);
        continue;
      }
      revealed[p] = 1;
      const Log inverse = gf16::sub_mod(static_cast<Log>(kModulus), plan.lambda_[p]);
      for (std::size_t g = 0; g < work.segments(); ++g) {
        const fft16::Work seg = work.segment(g);
        scale(kern, seg.shard(p), inverse, seg.shard_bytes);
      }
      work.export_user(p, batch, w.data);
    }
  }
  for (const ShardOut& w : wanted) {
    if (input[w.index] != nullptr) copy_symbols(batch, input[w.index], w.data);
  }
  return RsStatus::kOk;
}

RsStatus rs_decode(const RsCode& code, const Batch& batch, std::span<const ShardIn> received,
                   std::span<const ShardOut> wanted, const gf16::Kernels& kern) {
  std::vector<std::size_t> indices;
  indices.reserve(received.size());
  for (const ShardIn& s : received) indices.push_back(s.index);
  RsErasurePlan plan;
  if (const RsStatus st = RsErasurePlan::make(code, indices, &plan); st != RsStatus::kOk) {
    return st;
  }
  return rs_decode(plan, batch, received, wanted, kern);
}

RsStatus RsEvaluator::make(const RsCode& code, const Batch& batch,
                           std::span<const std::uint8_t* const> originals, RsEvaluator* out,
                           const gf16::Kernels& kern) {
  if (!valid_batch(batch)) return RsStatus::kInvalidSymbolSize;
  if (originals.size() != code.original_count()) return RsStatus::kWrongShardCount;
  if (!pointers_ok(originals)) return RsStatus::kNullBuffer;
  const std::size_t bytes = batch.internal_shard_bytes();
  const std::size_t chunk = code.chunk_size();
  const bool high = code.rate() == RsRate::kHigh;
  SegmentedWork work(high ? high_rate_work_shards(code) : chunk, bytes);
  import_originals(batch, originals, work, work.shard_count());
  for (std::size_t g = 0; g < work.segments(); ++g) {
    const fft16::Work w = work.segment(g);
    if (high) {
      high_rate_coefficients(code, kern, w);
    } else {
      fft16::ifft(kern, w, 0, chunk, code.original_count(), 0);
    }
  }
  AlignedBuffer coef_buf(chunk * bytes);
  for (std::size_t j = 0; j < chunk; ++j) work.load(j, coef_buf.data() + j * bytes);
  out->code_ = code;
  out->batch_ = batch;
  out->kernels_ = &kern;
  out->originals_.assign(originals.begin(), originals.end());
  out->coefficients_ = std::move(coef_buf);
  return RsStatus::kOk;
}

RsStatus RsEvaluator::evaluate(std::size_t index, std::uint8_t* out) const {
  if (index >= code_.total_count()) return RsStatus::kInvalidShardIndex;
  if (out == nullptr) return RsStatus::kNullBuffer;
  if (index < code_.original_count()) {
    copy_symbols(batch_, originals_[index], out);
    return RsStatus::kOk;
  }
  // P(omega_x) = sum_j C_j X_j(omega_x), X_j(omega_x) = prod over set bits b of j of
  // omega_{x >> b} (the Cantor basis makes the normalised subspace polynomial W_b(omega_x) equal
  // omega_{x >> b}). X_j is built by doubling in the log domain; kModulus + 1 marks a zero.
  const std::size_t x = code_.point_of(index);
  const std::size_t chunk = code_.chunk_size();
  const gf16::Tables& t = gf16::tables();
  constexpr std::uint32_t kZero = gf16::kOrder;
  std::vector<std::uint32_t> log_x(chunk, 0);
  for (std::size_t width = 1; width < chunk; width <<= 1) {
    const std::size_t w = x >> std::countr_zero(width);
    for (std::size_t j = 0; j < width; ++j) {
      log_x[j + width] = (w == 0 || log_x[j] == kZero)
                             ? kZero
                             : gf16::add_mod(static_cast<Log>(log_x[j]), t.log[w]);
    }
  }
  const std::size_t bytes = batch_.internal_shard_bytes();
  AlignedBuffer acc(bytes);
  for (std::size_t j = 0; j < chunk; ++j) {
    const std::uint8_t* c = coefficients_.data() + j * bytes;
    if (log_x[j] == kZero) continue;
    if (log_x[j] == 0 || log_x[j] == kModulus) {
      kernels_->add(acc.data(), c, bytes);
    } else {
      kernels_->mul_add(acc.data(), c, static_cast<Log>(log_x[j]), bytes);
    }
  }
  export_shard(batch_, acc.data(), out);
  return RsStatus::kOk;
}

}  // namespace sliversim::codec
