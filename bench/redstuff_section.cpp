// codec_bench section: RedStuff at n = 1000 — encode + metadata, decode — and, in the same run,
// the official Walrus encoder (@mysten/walrus-wasm under Node, bench/walrus_wasm/) on the same
// blobs, with the blob IDs cross-checked. The comparison is skipped, with a message, when Node or
// the package is missing; it is never estimated.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "bench/codec_bench.hpp"
#include "codec/blob_metadata.hpp"
#include "codec/recovery_decoder.hpp"
#include "codec/recovery_helper_batch.hpp"
#include "codec/redstuff_decoder.hpp"

namespace sliversim::bench {
namespace {

constexpr std::size_t kShards = 1000;
constexpr std::size_t kPatternSeed = 7;

std::vector<std::uint8_t> pattern_blob(std::size_t size) {
  std::vector<std::uint8_t> out(size);
  for (std::size_t i = 0; i < size; ++i) {
    out[i] = static_cast<std::uint8_t>((i * kPatternSeed + 13 + (i >> 8)) % 256);
  }
  return out;
}

struct WasmResult {
  double seconds = 0;
  std::string blob_id_hex;
};

// Runs the Node driver once for all sizes; returns results by size, or a reason for skipping.
std::map<std::size_t, WasmResult> run_wasm(const std::vector<std::size_t>& sizes, double min_s,
                                           std::string* skipped) {
  const std::filesystem::path dir =
      std::filesystem::path(SLIVERSIM_SOURCE_DIR) / "bench/walrus_wasm";
  if (!std::filesystem::exists(dir / "node_modules/@mysten/walrus-wasm")) {
    *skipped = "@mysten/walrus-wasm not installed (./run_sim.sh bench installs it with npm)";
    return {};
  }
  std::string cmd = fmt::format("node '{}' {} {} {}", (dir / "encode_bench.mjs").string(), kShards,
                                kPatternSeed, min_s);
  for (std::size_t s : sizes) cmd += fmt::format(" {}", s);
  cmd += " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) {
    *skipped = "could not start node";
    return {};
  }
  std::string text;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe.get()) != nullptr) text += buf;
  std::map<std::size_t, WasmResult> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("size")) continue;
    out[j["size"].get<std::size_t>()] = {j["seconds"].get<double>(),
                                         j["blob_id_hex"].get<std::string>()};
  }
  if (out.empty()) *skipped = "node ran but printed no results (is Node >= 18 installed?)";
  return out;
}

// Recovery of sliver pair 0 of a blob: every holder of a primary sliver (other than pair 0's)
// serves the lost secondary n-1, every holder of a secondary sliver serves the lost primary 0;
// the recovering node checks the proofs, decodes both slivers and verifies them.
void recovery_rows(const codec::RedStuffParams& params, std::size_t size, const BenchOptions& opt,
                   Table& t) {
  const auto blob = pattern_blob(size);
  codec::EncodedBlob encoded;
  if (codec::encode_blob(params, blob, 0, &encoded) != codec::RedStuffStatus::kOk) std::abort();
  const std::size_t n = params.n_shards();
  const std::size_t s = encoded.expanded.symbol_bytes();
  std::vector<std::vector<std::uint8_t>> prim, sec;
  std::vector<codec::HelperSliver> prim_helpers, sec_helpers;
  for (std::size_t i = 1; i < n; ++i) {  // pair 0 (primary 0, secondary n-1) is the lost one
    const auto idx = codec::SliverIndex{static_cast<std::uint32_t>(i)};
    const auto view = encoded.expanded.primary_sliver(idx);
    prim.emplace_back(view.begin(), view.end());
    sec.push_back(encoded.expanded.secondary_sliver(
        codec::SliverIndex{static_cast<std::uint32_t>(n - 1 - i)}));
  }
  for (std::size_t i = 1; i < n; ++i) {
    prim_helpers.push_back({codec::SliverIndex{static_cast<std::uint32_t>(i)}, prim[i - 1]});
    sec_helpers.push_back({codec::SliverIndex{static_cast<std::uint32_t>(n - 1 - i)}, sec[i - 1]});
  }
  const std::vector<codec::SliverIndex> lost_secondary{
      codec::SliverIndex{static_cast<std::uint32_t>(n - 1)}};
  const std::vector<codec::SliverIndex> lost_primary{codec::SliverIndex{0}};
  std::vector<codec::RecoverySymbol> for_secondary, for_primary;
  const double helpers = best_seconds(
      [&] {
        if (codec::serve_recovery_symbols(params, codec::SliverAxis::kPrimary, prim_helpers, s,
                                          lost_secondary, 0,
                                          &for_secondary) != codec::RedStuffStatus::kOk ||
            codec::serve_recovery_symbols(params, codec::SliverAxis::kSecondary, sec_helpers, s,
                                          lost_primary, 0,
                                          &for_primary) != codec::RedStuffStatus::kOk) {
          std::abort();
        }
      },
      opt.min_seconds, 1);
  codec::RecoveryResult rp, rs;
  const double recovering = best_seconds(
      [&] {
        if (codec::recover_sliver(params, encoded.metadata,
                                  {codec::SliverAxis::kPrimary, codec::SliverIndex{0}}, for_primary,
                                  {}, &rp) != codec::RecoveryStatus::kOk ||
            codec::recover_sliver(params, encoded.metadata,
                                  {codec::SliverAxis::kSecondary, lost_secondary[0]}, for_secondary,
                                  {}, &rs) != codec::RecoveryStatus::kOk) {
          std::abort();
        }
      },
      opt.min_seconds, 1);
  const auto want = encoded.expanded.primary_sliver(codec::SliverIndex{0});
  if (!std::equal(want.begin(), want.end(), rp.sliver.begin(), rp.sliver.end())) std::abort();
  t.add_row({bytes_label(size), std::to_string(s), fmt::format("{:.1f}", helpers * 1e3),
             fmt::format("{:.2f}", recovering * 1e3)},
            {{"blob_bytes", size},
             {"symbol_bytes", s},
             {"helpers_all_threads_ms", helpers * 1e3},
             {"recovering_node_ms", recovering * 1e3}});
}

}  // namespace

void redstuff_section(const BenchOptions& opt, std::vector<Table>& out) {
  const codec::RedStuffParams params = *codec::RedStuffParams::make(kShards);
  const std::vector<std::size_t> sizes =
      opt.quick ? std::vector<std::size_t>{1, std::size_t{64} << 10}
                : std::vector<std::size_t>{1, std::size_t{1} << 20, std::size_t{64} << 20};
  std::string skipped = opt.quick ? "quick run" : "";
  const auto wasm =
      opt.quick ? std::map<std::size_t, WasmResult>{} : run_wasm(sizes, opt.min_seconds, &skipped);

  Table enc("RedStuff encode + metadata at n = 1000 (vs the official Walrus WASM encoder)",
            {"blob", "1 thread ms", "all threads ms", "WASM ms", "WASM / ours", "blob IDs"});
  for (std::size_t size : sizes) {
    const auto blob = pattern_blob(size);
    codec::EncodedBlob encoded;
    auto run = [&](std::size_t threads) {
      return best_seconds(
          [&] {
            if (codec::encode_blob(params, blob, threads, &encoded) != codec::RedStuffStatus::kOk) {
              std::abort();
            }
          },
          opt.min_seconds, 1);
    };
    const double one = run(1);
    const double all = run(0);
    const std::string ours_hex = encoded.blob_id.to_hex();
    nlohmann::json rec = {{"n_shards", kShards},
                          {"blob_bytes", size},
                          {"one_thread_ms", one * 1e3},
                          {"all_threads_ms", all * 1e3},
                          {"blob_id_hex", ours_hex}};
    std::vector<std::string> row = {bytes_label(size), fmt::format("{:.1f}", one * 1e3),
                                    fmt::format("{:.1f}", all * 1e3)};
    if (const auto it = wasm.find(size); it != wasm.end()) {
      const bool same = it->second.blob_id_hex == ours_hex;
      rec["wasm_ms"] = it->second.seconds * 1e3;
      rec["wasm_over_ours"] = it->second.seconds / all;
      rec["blob_ids_match"] = same;
      row.push_back(fmt::format("{:.1f}", it->second.seconds * 1e3));
      row.push_back(fmt::format("{:.1f}x", it->second.seconds / all));
      row.push_back(same ? "equal" : "DIFFER");
    } else {
      rec["wasm_skipped"] = skipped;
      row.insert(row.end(), {"skipped", "", skipped});
    }
    enc.add_row(std::move(row), std::move(rec));
  }
  out.push_back(std::move(enc));

  Table dec("RedStuff decode of a whole blob at n = 1000 from k_p primary slivers",
            {"blob", "check", "all threads ms", "GB/s"});
  const std::size_t dec_size = opt.quick ? std::size_t{64} << 10 : std::size_t{64} << 20;
  const auto blob = pattern_blob(dec_size);
  codec::EncodedBlob encoded;
  if (codec::encode_blob(params, blob, 0, &encoded) != codec::RedStuffStatus::kOk) std::abort();
  // The last k_p primary slivers: every systematic row is missing, the hardest case.
  std::vector<std::vector<std::uint8_t>> slivers;
  std::vector<codec::SliverRef> refs;
  const std::size_t kp = params.primary_source_symbols();
  for (std::size_t i = kShards - kp; i < kShards; ++i) {
    const auto view =
        encoded.expanded.primary_sliver(codec::SliverIndex{static_cast<std::uint32_t>(i)});
    slivers.emplace_back(view.begin(), view.end());
  }
  for (std::size_t j = 0; j < kp; ++j) {
    refs.push_back({codec::SliverIndex{static_cast<std::uint32_t>(kShards - kp + j)}, slivers[j]});
  }
  for (const auto check : {codec::ConsistencyCheck::kNone, codec::ConsistencyCheck::kDefault}) {
    codec::DecodeResult result;
    const double s = best_seconds(
        [&] {
          if (codec::decode_blob(params, encoded.metadata, codec::SliverAxis::kPrimary, refs,
                                 {check, 0}, &result) != codec::RedStuffStatus::kOk) {
            std::abort();
          }
        },
        opt.min_seconds, 1);
    if (result.blob != blob) std::abort();
    const char* name = check == codec::ConsistencyCheck::kNone ? "none" : "re-encode + blob ID";
    dec.add_row({bytes_label(dec_size), name, fmt::format("{:.1f}", s * 1e3),
                 gbps(static_cast<double>(dec_size), s)},
                {{"blob_bytes", dec_size}, {"check", name}, {"all_threads_ms", s * 1e3}});
  }
  out.push_back(std::move(dec));

  Table rec(
      "RedStuff recovery of one sliver pair at n = 1000 (all 999 helpers of each axis)",
      {"blob", "symbol B", "helpers: symbols + proofs ms", "recovering node: verify + decode ms"});
  const std::vector<std::size_t> rec_sizes =
      opt.quick ? std::vector<std::size_t>{std::size_t{64} << 10}
                : std::vector<std::size_t>{std::size_t{1} << 20, std::size_t{64} << 20};
  for (std::size_t size : rec_sizes) recovery_rows(params, size, opt, rec);
  out.push_back(std::move(rec));
}

}  // namespace sliversim::bench
