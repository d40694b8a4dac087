// Repair bytes against REDSTUFF.md §4's closed forms, computed here from the formulas alone (not
// from the codec's own cost functions): symbol size s = ceil(max(L,1) / (k_p k_s)) rounded up to
// even; a recovery symbol for target sliver t costs s + 5 + ULEB128(s) + the BCS size of the
// Merkle proof of leaf t (one ULEB128 count, 33 bytes per digest, 1 per empty padding node); a
// pair p is k_s symbols for primary p plus k_p for secondary n-1-p, and 66n + 42 + ULEB128(n)
// bytes of metadata when the node lacks it; rs_rebuild downloads k_p pieces of
// ceil(max(L,1) / k_p) rounded up to even; msr_bound ceil(d L / (k (d - k + 1))).
// Checked per scheme plan for every pair at n = 7, 10, 13, 31, 100 (several blob sizes), with
// several lost shards at once, and end to end through `sliversim run` (n = 64, where every proof
// has the same size) for 1, 5 and f = 21 failed nodes.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/cli/commands.hpp"
#include "sim/kernel/trace_digest.hpp"
#include "sim/schemes/msr_bound_scheme.hpp"
#include "sim/schemes/redstuff_scheme.hpp"
#include "sim/schemes/rs_rebuild_scheme.hpp"

namespace sliversim {
namespace {

namespace fs = std::filesystem;
using schemes::ByteCategory;
using schemes::RepairPlan;

// ---- The closed forms (REDSTUFF.md §1, §4), independent of the codec. ----

struct Shape {
  std::uint64_t n, f, kp, ks;
};

Shape shape(std::uint64_t n) {
  const std::uint64_t f = (n - 1) / 3;
  return {n, f, n - 2 * f, n - f};
}

std::uint64_t round_up_even(std::uint64_t x) { return x + (x % 2); }

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return (a + b - 1) / b; }

std::uint64_t symbol_bytes(const Shape& sh, std::uint64_t blob_bytes) {
  return round_up_even(ceil_div(blob_bytes == 0 ? 1 : blob_bytes, sh.kp * sh.ks));
}

std::uint64_t uleb_bytes(std::uint64_t v) {
  std::uint64_t bytes = 1;
  while (v >= 128) {
    v >>= 7;
    ++bytes;
  }
  return bytes;
}

// The BCS size of the Merkle proof of `leaf` in an n-leaf tree whose odd levels are padded with
// an empty node: one sibling per level, a digest (33 B) when it exists, else empty (1 B).
std::uint64_t proof_bytes(std::uint64_t n, std::uint64_t leaf) {
  std::uint64_t nodes = 0;
  std::uint64_t bytes = 0;
  for (std::uint64_t width = n, i = leaf; width > 1; width = ceil_div(width, 2), i /= 2) {
    ++nodes;
    bytes += (i ^ 1U) < width ? 33 : 1;
  }
  return uleb_bytes(nodes) + bytes;
}

struct PairCost {
  std::uint64_t symbols = 0;
  std::uint64_t proofs = 0;  // framing and proofs
  std::uint64_t metadata = 0;
};

PairCost pair_cost(const Shape& sh, std::uint64_t blob_bytes, std::uint64_t p, bool metadata) {
  const std::uint64_t s = symbol_bytes(sh, blob_bytes);
  const std::uint64_t framing = 5 + uleb_bytes(s);
  PairCost c;
  c.symbols = (sh.kp + sh.ks) * s;
  c.proofs = sh.ks * (framing + proof_bytes(sh.n, p)) +
             sh.kp * (framing + proof_bytes(sh.n, sh.n - 1 - p));
  c.metadata = metadata ? 66 * sh.n + 42 + uleb_bytes(sh.n) : 0;
  return c;
}

std::uint64_t rs_rebuild_bytes(const Shape& sh, std::uint64_t blob_bytes) {
  return sh.kp * round_up_even(ceil_div(blob_bytes == 0 ? 1 : blob_bytes, sh.kp));
}

std::uint64_t msr_bytes(const Shape& sh, std::uint64_t blob_bytes, std::uint64_t d) {
  const std::uint64_t k = sh.kp;
  return ceil_div(d * blob_bytes, k * (d - k + 1));
}

// ---- Scheme plans. ----

constexpr model::BlobIndex kBlob{0};

std::vector<std::uint8_t> bytes_of(std::size_t size, std::uint64_t seed) {
  std::vector<std::uint8_t> out(size);
  for (std::size_t i = 0; i < size; ++i) {
    out[i] = static_cast<std::uint8_t>(kernel::mix64(seed + i));
  }
  return out;
}

std::vector<schemes::ShardAvailability> all_up(const schemes::UnitStore& store) {
  std::vector<schemes::ShardAvailability> shards(store.n_shards());
  for (std::size_t i = 0; i < shards.size(); ++i) {
    shards[i].state = store.state(kBlob, model::id_at<model::ShardId>(i));
    shards[i].reachable = true;
  }
  return shards;
}

std::uint64_t plan_bytes(const RepairPlan& plan, ByteCategory category) {
  std::uint64_t total = 0;
  for (const schemes::HelperPart& part : plan.helpers) total += part.bytes[category];
  return total;
}

// Every shard of one blob lost alone: its plan's bytes by category are the closed form of its pair.
void check_every_single_loss(std::size_t n, std::size_t blob_bytes) {
  CAPTURE(n);
  CAPTURE(blob_bytes);
  const Shape sh = shape(n);
  const auto scheme = schemes::RedStuffScheme::make(n, {1, true});
  REQUIRE(scheme != nullptr);
  schemes::UnitStore store(n);
  scheme->encode(kBlob, bytes_of(blob_bytes, n), store);
  REQUIRE(scheme->symbol_bytes(kBlob) == symbol_bytes(sh, blob_bytes));
  for (std::size_t i = 0; i < n; ++i) {
    const model::ShardId target = model::id_at<model::ShardId>(i);
    const std::uint64_t p = codec::to_size(scheme->pair_of_shard(kBlob, target));
    CAPTURE(p);
    const std::vector<std::uint8_t> original(store.bytes(kBlob, target).begin(),
                                             store.bytes(kBlob, target).end());
    store.erase(kBlob, target);
    std::vector<schemes::ShardAvailability> shards = all_up(store);
    for (const bool has_metadata : {false, true}) {
      shards[i].has_metadata = has_metadata;
      const RepairPlan plan = scheme->plan_repair(kBlob, target, shards);
      REQUIRE(plan.kind == schemes::PlanKind::kRepair);
      const PairCost want = pair_cost(sh, blob_bytes, p, !has_metadata);
      CHECK(plan_bytes(plan, ByteCategory::kSymbols) == want.symbols);
      CHECK(plan_bytes(plan, ByteCategory::kProofs) == want.proofs);
      CHECK(plan_bytes(plan, ByteCategory::kMetadata) == want.metadata);
      CHECK(plan_bytes(plan, ByteCategory::kFullBlob) + plan_bytes(plan, ByteCategory::kTransfer) ==
            0);
      if (has_metadata && i % 17 == 0) {  // a sample really rebuilt
        const schemes::RepairRequest request{target, &plan};
        CHECK(scheme->execute_repairs(kBlob, {&request, 1}, store).at(0).outcome ==
              schemes::RepairOutcome::kRebuilt);
      }
    }
    if (store.state(kBlob, target) != schemes::UnitState::kValid) {
      store.put(kBlob, target, original, schemes::UnitState::kValid);
    }
    CHECK(std::equal(original.begin(), original.end(), store.bytes(kBlob, target).begin(),
                     store.bytes(kBlob, target).end()));
  }
}

TEST_CASE("proof sizes: n = 1000 leaf 0 is 331 B and leaf 999 is 267 B; powers of two are flat") {
  CHECK(proof_bytes(1000, 0) == 331);
  CHECK(proof_bytes(1000, 999) == 267);
  CHECK(proof_bytes(10, 0) == 1 + 4 * 33);
  CHECK(proof_bytes(10, 9) == 1 + 2 * 33 + 2 * 1);  // siblings 8, (5: empty), (3: empty), 0
  for (std::uint64_t leaf = 0; leaf < 64; ++leaf) CHECK(proof_bytes(64, leaf) == 1 + 6 * 33);
  // REDSTUFF.md §4: mean proof 120 B at n = 10, 228 B at n = 100, 330.5 B at n = 1000.
  for (const auto& [n, mean] :
       {std::pair<std::uint64_t, double>{10, 120.2}, {100, 228.16}, {1000, 330.488}}) {
    std::uint64_t sum = 0;
    for (std::uint64_t leaf = 0; leaf < n; ++leaf) sum += proof_bytes(n, leaf);
    CHECK(static_cast<double>(sum) / static_cast<double>(n) == doctest::Approx(mean));
  }
}

TEST_CASE("one lost shard, every pair, n = 7 .. 100: redstuff plans equal the closed forms") {
  for (const std::size_t n : std::initializer_list<std::size_t>{7, 10, 13, 31, 100}) {
    for (const std::size_t size : std::initializer_list<std::size_t>{0, 1, 1000, 65539, 300000})
      check_every_single_loss(n, size);
  }
}

TEST_CASE("one lost piece: rs_rebuild downloads k_p pieces, msr_bound d L / (k (d - k + 1))") {
  for (const std::size_t n : std::initializer_list<std::size_t>{7, 10, 31, 100, 1000}) {
    for (const std::size_t size : std::initializer_list<std::size_t>{1, 1000, 65539, 300000}) {
      CAPTURE(n);
      CAPTURE(size);
      const Shape sh = shape(n);
      for (const bool msr : {false, true}) {
        std::unique_ptr<schemes::StorageScheme> scheme;
        if (msr) {
          scheme = schemes::MsrBoundScheme::make(n);
        } else {
          scheme = schemes::RsRebuildScheme::make(n);
        }
        REQUIRE(scheme != nullptr);
        schemes::UnitStore store(n);
        scheme->encode(kBlob, bytes_of(size, 3), store);
        const model::ShardId target = model::id_at<model::ShardId>(n / 2);
        store.erase(kBlob, target);
        const RepairPlan plan = scheme->plan_repair(kBlob, target, all_up(store));
        REQUIRE(plan.kind == schemes::PlanKind::kRepair);
        CHECK(plan_bytes(plan, ByteCategory::kFullBlob) ==
              (msr ? msr_bytes(sh, size, n - 1) : rs_rebuild_bytes(sh, size)));
        CHECK(plan_bytes(plan, ByteCategory::kSymbols) + plan_bytes(plan, ByteCategory::kProofs) ==
              0);
      }
    }
  }
}

// Plans every target of `lost` (erased from `store`) and runs them in one call: all rebuilt.
void rebuild_all(schemes::StorageScheme& scheme, schemes::UnitStore& store,
                 const std::vector<model::ShardId>& lost) {
  std::vector<RepairPlan> plans;
  plans.reserve(lost.size());
  std::vector<schemes::RepairRequest> requests;
  for (const model::ShardId t : lost) plans.push_back(scheme.plan_repair(kBlob, t, all_up(store)));
  for (std::size_t t = 0; t < lost.size(); ++t) requests.push_back({lost[t], &plans[t]});
  for (const schemes::RepairResult& r : scheme.execute_repairs(kBlob, requests, store)) {
    CHECK(r.outcome == schemes::RepairOutcome::kRebuilt);
  }
}

// j shards of one blob lost at once, j <= f (direct repairs): each redstuff plan is its own pair's
// closed form, with helpers among the survivors; rs_rebuild pays k_p pieces per lost piece.
void check_lost_together(std::size_t n, std::size_t j, schemes::RedStuffScheme& red,
                         schemes::UnitStore& red_store, schemes::StorageScheme& rs,
                         schemes::UnitStore& rs_store) {
  CAPTURE(n);
  CAPTURE(j);
  const Shape sh = shape(n);
  const std::size_t size = 20000;
  std::vector<model::ShardId> lost;
  for (std::size_t t = 0; t < j; ++t) lost.push_back(model::id_at<model::ShardId>(3 * t % n));
  for (const model::ShardId t : lost) {
    red_store.erase(kBlob, t);
    rs_store.erase(kBlob, t);
  }
  std::uint64_t red_total = 0;
  std::uint64_t want_total = 0;
  std::uint64_t rs_total = 0;
  for (const model::ShardId t : lost) {
    const RepairPlan plan = red.plan_repair(kBlob, t, all_up(red_store));
    REQUIRE(plan.kind == schemes::PlanKind::kRepair);
    const PairCost want = pair_cost(sh, size, codec::to_size(red.pair_of_shard(kBlob, t)), true);
    red_total += plan_bytes(plan, ByteCategory::kSymbols) +
                 plan_bytes(plan, ByteCategory::kProofs) +
                 plan_bytes(plan, ByteCategory::kMetadata);
    want_total += want.symbols + want.proofs + want.metadata;
    for (const schemes::HelperPart& part : plan.helpers) {
      CHECK(std::find(lost.begin(), lost.end(), part.helper) == lost.end());
    }
    rs_total += plan_bytes(rs.plan_repair(kBlob, t, all_up(rs_store)), ByteCategory::kFullBlob);
  }
  CHECK(red_total == want_total);
  CHECK(rs_total == j * rs_rebuild_bytes(sh, size));
  rebuild_all(red, red_store, lost);
  rebuild_all(rs, rs_store, lost);
}

TEST_CASE("j lost shards (j <= f): every plan is its pair's closed form, totals add up") {
  for (const std::size_t n : std::initializer_list<std::size_t>{10, 31, 100}) {
    const auto red = schemes::RedStuffScheme::make(n, {1, true});
    const auto rs = schemes::RsRebuildScheme::make(n);
    schemes::UnitStore red_store(n);
    schemes::UnitStore rs_store(n);
    red->encode(kBlob, bytes_of(20000, 9), red_store);
    rs->encode(kBlob, bytes_of(20000, 9), rs_store);
    for (const std::size_t j : {std::size_t{1}, std::size_t{2}, shape(n).f}) {
      check_lost_together(n, j, *red, red_store, *rs, rs_store);
    }
  }
}

// ---- End to end: `sliversim run` with j nodes failing at once, n = 64 shards on 64 nodes. ----

// A fresh folder for this process's files.
fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("sliversim_closed_forms_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

constexpr std::uint64_t kE2eShards = 64;
constexpr std::uint64_t kE2eBlobs = 4;
constexpr std::uint64_t kE2eWeight = 3;
constexpr std::uint64_t kE2eBlobBytes = 100000;

// Runs a 2-day scenario (1-day epochs) in which nodes 0..j-1 fail at hour 2; their shards move at
// the epoch boundary to live nodes (which keep the metadata) and are recovered there.
nlohmann::json run_with_failures(std::uint64_t j) {
  const fs::path dir = scratch(std::string("failures_") + std::to_string(j));
  std::ofstream trace(dir / "trace.csv");
  trace << "time_hours,node,event\n";
  for (std::uint64_t node = 0; node < j; ++node) trace << "2," << node << ",fail\n";
  trace.close();
  std::ofstream(dir / "scenario.json")
      << R"({"description": "closed forms end to end", "run": {"duration_days": 2},
             "shards": {"n": 64}, "epochs": {"length_hours": 24}, "nodes": {"count": 64},
             "trace": {"file": "trace.csv"},
             "blobs": [{"name": "b", "initial_count": 4, "lifetime_epochs": 10, "weight": 3,
                        "size_bytes": {"dist": "fixed", "value_bytes": 100000}}]})";
  const fs::path out = dir / "results.json";
  std::ostringstream ignored;
  REQUIRE(cli::cmd_run({(dir / "scenario.json").string(), "--quiet", "--out", out.string()},
                       ignored) == cli::kExitOk);
  std::ifstream in(out);
  return nlohmann::json::parse(in);
}

TEST_CASE("end to end, n = 64: j failed nodes cost j times one pair's closed form per blob") {
  const Shape sh = shape(kE2eShards);
  const std::uint64_t s = symbol_bytes(sh, kE2eBlobBytes);
  const std::uint64_t proof = 1 + 6 * 33;  // every leaf of a 64-leaf tree
  REQUIRE(proof_bytes(kE2eShards, 17) == proof);
  std::uint64_t red_per_node = 0;
  for (const std::uint64_t j : {std::uint64_t{1}, std::uint64_t{5}, sh.f}) {
    CAPTURE(j);
    const nlohmann::json r = run_with_failures(j);
    CHECK(r["world"]["summary"]["shard_moves"] == j);
    CHECK(r["world"]["summary"]["cooperative_moves"] == 0);
    const std::uint64_t units = j * kE2eBlobs * kE2eWeight;  // weighted units rebuilt
    const nlohmann::json& red = r["schemes"]["redstuff"]["summary"];
    CHECK(red["repair_bytes"]["symbols"] == units * (sh.kp + sh.ks) * s);
    CHECK(red["repair_bytes"]["proofs"] == units * (sh.kp + sh.ks) * (5 + uleb_bytes(s) + proof));
    CHECK(red["repair_bytes"]["metadata"] == 0);
    CHECK(red["repair_bytes"]["transfer"] == 0);
    CHECK(red["lost_bytes_repaired"] == units * (sh.kp + sh.ks) * s);
    CHECK(red["repairs"] == static_cast<double>(units));
    CHECK(red["blobs_lost"] == 0.0);
    const nlohmann::json& rs = r["schemes"]["rs_rebuild"]["summary"];
    CHECK(rs["repair_bytes"]["full_blob"] == units * rs_rebuild_bytes(sh, kE2eBlobBytes));
    CHECK(rs["repair_bytes_total"] == units * rs_rebuild_bytes(sh, kE2eBlobBytes));
    const nlohmann::json& msr = r["schemes"]["msr_bound"]["summary"];
    CHECK(msr["repair_bytes"]["full_blob"] ==
          units * msr_bytes(sh, kE2eBlobBytes, kE2eShards - j));  // d = the n - j holders left
    // Linear in j: the total per failed node is the same for every j.
    const std::uint64_t total = red["repair_bytes_total"].get<std::uint64_t>();
    CHECK(total % j == 0);
    if (red_per_node == 0) red_per_node = total / j;
    CHECK(total / j == red_per_node);
  }
}

}  // namespace
}  // namespace sliversim
