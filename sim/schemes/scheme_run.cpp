// Memory estimate and the threaded replay of every scheme.
#include "sim/schemes/scheme_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <functional>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <fmt/format.h>

#include "codec/baseline_rs_rebuild.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::schemes {

namespace {

// The largest sum of stored bytes of the blobs alive at once, in the trace's event order, plus
// the largest blob's encode (its bytes and its units exist twice while they are made).
std::uint64_t peak_stored(const model::WorldTrace& trace, const StorageScheme& scheme,
                          std::uint32_t copies) {
  if (scheme.analytic()) return 0;
  const auto stored = [&](model::BlobIndex blob) {
    const auto bytes = formula_stored_bytes(scheme.name(), trace.n_shards, copies,
                                            trace.blobs[model::index_of(blob)].size_bytes);
    return bytes ? *bytes : scheme.stored_bytes(blob);
  };
  std::uint64_t now = 0;
  std::uint64_t peak = 0;
  std::uint64_t encode = 0;
  for (const model::WorldEvent& e : trace.events) {
    const model::BlobIndex blob = model::id_at<model::BlobIndex>(e.index);
    if (e.kind == model::WorldEventKind::kBlobWrite) {
      now += stored(blob);
      peak = std::max(peak, now);
      encode = std::max(encode, trace.blobs[e.index].size_bytes + stored(blob));
    } else if (e.kind == model::WorldEventKind::kBlobExpire) {
      now -= std::min(now, stored(blob));
    }
  }
  return peak + encode;
}

// After a replay (its driver and store gone): the scheme forgets every blob, and the freed memory
// goes back to the system, so that schemes run one after another do not add up.
void release_memory(const model::WorldTrace& trace, StorageScheme& scheme) {
  for (std::size_t b = 0; b < trace.blobs.size(); ++b) {
    scheme.forget(model::id_at<model::BlobIndex>(b));
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace

std::optional<std::uint64_t> formula_stored_bytes(std::string_view name, std::uint32_t n_shards,
                                                  std::uint32_t copies, std::uint64_t size_bytes) {
  if (name == "msr_bound") return 0;
  if (name == "replication") return std::uint64_t{copies} * size_bytes;
  if (name == "rs_rebuild") {
    const auto code = codec::RsRebuildCode::make(n_shards);
    if (!code) return std::nullopt;
    return code->storage_bytes(size_bytes);
  }
  if (name == "redstuff") {
    const auto params = codec::RedStuffParams::make(n_shards);
    std::size_t symbol = 0;
    if (!params || params->symbol_bytes_for(size_bytes, &symbol) != codec::RedStuffStatus::kOk) {
      return std::nullopt;
    }
    return std::uint64_t{n_shards} *
           (params->primary_source_symbols() + params->secondary_source_symbols()) * symbol;
  }
  return std::nullopt;
}

MemoryEstimate estimate_memory(const model::WorldTrace& trace,
                               const std::vector<std::unique_ptr<StorageScheme>>& schemes,
                               std::uint32_t replication_copies, unsigned threads,
                               double budget_gib) {
  MemoryEstimate m;
  for (const auto& scheme : schemes) {
    m.names.emplace_back(scheme->name());
    m.peak_bytes.push_back(peak_stored(trace, *scheme, replication_copies));
  }
  m.budget_bytes = static_cast<std::uint64_t>(std::llround(budget_gib * 1073741824.0));
  std::vector<std::uint64_t> sorted = m.peak_bytes;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  if (sorted.empty()) m.concurrency = 1;
  const std::size_t most = std::min<std::size_t>(std::max(1U, threads), sorted.size());
  for (std::size_t c = most; c >= 1; --c) {
    std::uint64_t need = 0;
    for (std::size_t i = 0; i < c; ++i) need += sorted[i];
    m.needed_bytes = need;
    if (need <= m.budget_bytes) {
      m.concurrency = static_cast<unsigned>(c);
      break;
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
      "(stored units of the blobs alive at once and the largest encode), over the budget of "
      "{:.2f} GiB ({} bytes); peak per scheme: {}. Raise /run/memory_budget_gib, or use fewer or "
      "smaller representatives",
      static_cast<double>(m.needed_bytes) / kGib, m.needed_bytes,
      static_cast<double>(m.budget_bytes) / kGib, m.budget_bytes, parts);
}

std::vector<SchemeOutcome> run_schemes(const model::WorldTrace& trace,
                                       std::vector<std::unique_ptr<StorageScheme>>& schemes,
                                       const DriverOptions& options, unsigned threads) {
  std::vector<SchemeOutcome> outcomes(schemes.size());
  std::vector<std::exception_ptr> errors(schemes.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < schemes.size(); i = next++) {
      try {
        const auto started = std::chrono::steady_clock::now();
        {
          SchemeDriver driver(trace, *schemes[i], options);
          outcomes[i] = driver.run();
          outcomes[i].wall_seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        }
        release_memory(trace, *schemes[i]);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const std::size_t workers = std::min<std::size_t>(std::max(1U, threads), schemes.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return outcomes;
}

}  // namespace sliversim::schemes
