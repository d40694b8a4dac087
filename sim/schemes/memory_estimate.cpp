// The memory estimate of a run's schemes (see memory_estimate.hpp).
#include "sim/schemes/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "codec/baseline_rs_rebuild.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/sliver_encoder.hpp"
#include "sim/schemes/redstuff_helper_cache.hpp"
#include "sim/schemes/redstuff_scheme.hpp"

namespace sliversim::schemes {
namespace {

// A worker's blocks while redstuff encodes (a row block, a column block and the codec's copies).
constexpr std::uint64_t kEncodeBlockBytes = std::uint64_t{16} << 20;
// rs_rebuild's and replication's unit of work: 64 KiB of every piece, or of a copy.
constexpr std::uint64_t kPartBytes = std::uint64_t{64} << 10;

std::optional<BlobMemory> redstuff_memory(std::uint32_t n, std::uint64_t size, unsigned threads) {
  const auto params = codec::RedStuffParams::make(n);
  std::size_t s = 0;
  if (!params || params->symbol_bytes_for(size, &s) != codec::RedStuffStatus::kOk) {
    return std::nullopt;
  }
  const std::uint64_t nn = n;
  BlobMemory m;
  m.stored = nn * (params->primary_source_symbols() + params->secondary_source_symbols()) * s;
  const redstuff::TreeShape shape(n, redstuff::cache_block_level(n, s));
  m.kept =
      64 * nn + 32 + 2 * nn * shape.cached_digests() * sizeof(codec::Digest) + nn * kUnitSlotBytes;
  const std::uint64_t digests =
      n <= codec::kMaxDigestShards ? nn * nn * sizeof(codec::Digest) : nn * nn * s + size;
  const std::uint64_t encode = digests + std::uint64_t{threads} * kEncodeBlockBytes;
  const std::uint64_t repair =
      RedStuffOptions{}.answer_budget_bytes + std::uint64_t{threads} * 3 * nn * s;
  m.working = std::max(encode, repair);
  return m;
}

std::optional<BlobMemory> rs_rebuild_memory(std::uint32_t n, std::uint64_t size, unsigned threads) {
  const auto code = codec::RsRebuildCode::make(n);
  if (!code) return std::nullopt;
  const std::uint64_t nn = n;
  return BlobMemory{code->storage_bytes(size), 40 * nn + nn * kUnitSlotBytes,
                    std::uint64_t{threads} * 2 * nn * kPartBytes};
}

}  // namespace

std::optional<std::uint64_t> formula_stored_bytes(std::string_view name, std::uint32_t n_shards,
                                                  std::uint32_t copies, std::uint64_t size_bytes) {
  const std::optional<BlobMemory> m = formula_blob_memory(name, n_shards, copies, size_bytes, 1);
  if (!m) return std::nullopt;
  return m->stored;
}

std::optional<BlobMemory> formula_blob_memory(std::string_view name, std::uint32_t n_shards,
                                              std::uint32_t copies, std::uint64_t size_bytes,
                                              unsigned threads) {
  threads = std::max(1U, threads);
  if (name == "redstuff") return redstuff_memory(n_shards, size_bytes, threads);
  if (name == "rs_rebuild") return rs_rebuild_memory(n_shards, size_bytes, threads);
  if (name == "replication") {
    return BlobMemory{std::uint64_t{copies} * size_bytes, 32 + copies * kUnitSlotBytes,
                      (size_bytes / kPartBytes + 1) * sizeof(codec::Digest)};
  }
  if (name == "msr_bound") return BlobMemory{0, std::uint64_t{n_shards} * kUnitSlotBytes, 0};
  return std::nullopt;
}

std::uint64_t trace_bytes(const model::WorldTrace& trace) {
  std::uint64_t bytes = trace.events.size() * sizeof(model::WorldEvent) +
                        trace.nodes.size() * sizeof(model::NodeInfo) +
                        trace.blobs.size() * sizeof(model::BlobRecord);
  for (const model::EpochRecord& e : trace.epochs) {
    bytes += sizeof(model::EpochRecord) + e.committee.size() * sizeof(model::NodeId) +
             e.shard_counts.size() * sizeof(std::uint32_t) +
             e.owners.size() * sizeof(model::NodeId) + e.moves.size() * sizeof(model::ShardMove);
  }
  return bytes;
}

namespace {

// A scheme's peak: the blobs alive at once (in the trace's event order) and the working memory of
// the `at_once` blobs with the most (repairs of several blobs run at once), with the allocator's
// overhead.
std::uint64_t scheme_peak(const model::WorldTrace& trace, const StorageScheme& scheme,
                          std::uint32_t copies, unsigned threads, unsigned at_once) {
  const auto memory = [&](model::BlobIndex blob) {
    const std::uint64_t size = trace.blobs[model::index_of(blob)].size_bytes;
    const auto m = formula_blob_memory(scheme.name(), trace.n_shards, copies, size, threads);
    if (m) return *m;
    const std::uint64_t stored = scheme.analytic() ? 0 : scheme.stored_bytes(blob);
    return BlobMemory{stored, 0, scheme.analytic() ? 0 : size + stored};
  };
  std::uint64_t now = 0;
  std::uint64_t resident = 0;
  std::vector<std::uint64_t> working;  // the largest, at most at_once, in decreasing order
  for (const model::WorldEvent& e : trace.events) {
    const model::BlobIndex blob = model::id_at<model::BlobIndex>(e.index);
    if (e.kind == model::WorldEventKind::kBlobWrite) {
      const BlobMemory m = memory(blob);
      now += m.stored + m.kept;
      resident = std::max(resident, now);
      working.insert(std::upper_bound(working.begin(), working.end(), m.working, std::greater<>()),
                     m.working);
      if (working.size() > std::max(1U, at_once)) working.pop_back();
    } else if (e.kind == model::WorldEventKind::kBlobExpire) {
      const BlobMemory m = memory(blob);
      now -= std::min(now, m.stored + m.kept);
    }
  }
  std::uint64_t peak = resident;
  for (const std::uint64_t w : working) peak += w;
  return peak + peak / kAllocatorOverheadDivisor;
}

}  // namespace

MemoryEstimate estimate_memory(const model::WorldTrace& trace,
                               const std::vector<std::unique_ptr<StorageScheme>>& schemes,
                               std::uint32_t replication_copies, unsigned threads,
                               double budget_gib) {
  threads = std::max(1U, threads);
  MemoryEstimate m;
  for (const auto& scheme : schemes) m.names.emplace_back(scheme->name());
  m.base_bytes = kProcessBaseBytes + trace_bytes(trace);
  m.budget_bytes = static_cast<std::uint64_t>(std::llround(budget_gib * 1073741824.0));
  if (schemes.empty()) m.concurrency = 1;
  m.needed_bytes = m.base_bytes;
  // c schemes side by side leave up to threads / c blobs' repairs at once to each; the most
  // schemes, then the most blobs, that fit. Schemes one at a time repair one blob at a time: they
  // reuse each other's freed memory (process_memory.hpp), which repairs on other threads would
  // keep in heaps of their own.
  const std::size_t most = std::min<std::size_t>(threads, schemes.size());
  for (std::size_t c = most; c >= 1 && m.concurrency == 0; --c) {
    const std::size_t blobs = c == 1 ? 1 : threads / c;
    for (std::size_t at_once = std::max<std::size_t>(1, blobs); at_once >= 1; --at_once) {
      std::vector<std::uint64_t> peaks;
      for (const auto& scheme : schemes) {
        peaks.push_back(scheme_peak(trace, *scheme, replication_copies, threads,
                                    static_cast<unsigned>(at_once)));
      }
      std::vector<std::uint64_t> sorted = peaks;
      std::sort(sorted.begin(), sorted.end(), std::greater<>());
      std::uint64_t need = m.base_bytes;
      for (std::size_t i = 0; i < c; ++i) need += sorted[i];
      m.peak_bytes = peaks;
      m.needed_bytes = need;
      m.repair_blobs_at_once = static_cast<unsigned>(at_once);
      if (need <= m.budget_bytes) {
        m.concurrency = static_cast<unsigned>(c);
        break;
      }
    }
  }
  return m;
}

std::string memory_refusal_message(const MemoryEstimate& m) {
  constexpr double kGib = 1073741824.0;
  std::string parts;
  for (std::size_t i = 0; i < m.names.size(); ++i) {
    parts += fmt::format("{}{} {:.2f} GiB", i == 0 ? "" : ", ", m.names[i],
                         static_cast<double>(m.peak_bytes[i]) / kGib);
  }
  return fmt::format(
      "run.memory_budget_gib: the largest scheme alone needs {:.2f} GiB ({} bytes) at its peak "
      "(stored units and what is kept with them for the blobs alive at once, the working memory "
      "of the largest blob, and {:.2f} GiB for the process and trace), over the budget of "
      "{:.2f} GiB ({} bytes); peak per scheme: {}. Raise /run/memory_budget_gib, or use fewer or "
      "smaller representatives",
      static_cast<double>(m.needed_bytes) / kGib, m.needed_bytes,
      static_cast<double>(m.base_bytes) / kGib, static_cast<double>(m.budget_bytes) / kGib,
      m.budget_bytes, parts);
}

}  // namespace sliversim::schemes
