// run_schemes and the memory estimate: outcomes in scheme order and identical (as results JSON)
// whatever the thread count and from run to run; the estimate's peak follows writes and expiries.
#include "sim/schemes/scheme_run.hpp"

#include <doctest/doctest.h>

#include "sim/report/scheme_results.hpp"
#include "sim/schemes/driver_test_support.hpp"

namespace sliversim::schemes {
namespace {

using model::NodeId;
using model::WorldEventKind;
using testing::FakeScheme;
using testing::TraceBuilder;

// A busy little world: losses, outages, an epoch change with moves, a failure.
model::WorldTrace busy_trace() {
  TraceBuilder b(8, 400.0, 200.0);
  std::vector<NodeId> n;
  for (int i = 0; i < 10; ++i) n.push_back(b.node(1000.0 + 100.0 * i, 1500.0));
  b.epoch(0.0, {n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]});
  for (int i = 0; i < 6; ++i) b.blob(8000, 1.0 + i, 1.0 + i);
  b.event(10.0, WorldEventKind::kDataLoss, n[1]);
  b.event(12.0, WorldEventKind::kNodeDown, n[2]);
  b.event(15.0, WorldEventKind::kDataLoss, n[3]);
  b.event(40.0, WorldEventKind::kNodeUp, n[2]);
  b.event(150.0, WorldEventKind::kNodeFail, n[4]);
  b.epoch(200.0, {n[8], n[1], n[2], n[3], n[9], n[5], n[6], n[7]});
  b.event(210.0, WorldEventKind::kDataLoss, n[8]);
  return b.build();
}

// Fakes named like the real schemes (for the comparison) or not (for the memory estimate, which
// uses the codec's formulas for the real names).
std::vector<std::unique_ptr<StorageScheme>> fake_schemes(bool real_names = true) {
  std::vector<std::unique_ptr<StorageScheme>> schemes;
  schemes.push_back(std::make_unique<FakeScheme>(8, 4, 1000, real_names ? "redstuff" : "a"));
  schemes.push_back(std::make_unique<FakeScheme>(8, 2, 4000, real_names ? "rs_rebuild" : "b"));
  schemes.push_back(std::make_unique<FakeScheme>(8, 6, 500, "wide"));
  return schemes;
}

nlohmann::json run_json(const model::WorldTrace& trace, unsigned threads,
                        unsigned repair_blobs_at_once = 1) {
  auto schemes = fake_schemes();
  DriverOptions o;
  o.repair_blobs_at_once = repair_blobs_at_once;
  o.detection_delay = kernel::Ticks::seconds(2);
  o.sync_timeout = kernel::Ticks::seconds(30);
  const std::vector<SchemeOutcome> outcomes = run_schemes(trace, schemes, o, threads);
  return {{"schemes", report::schemes_json(outcomes, trace)},
          {"comparison", report::comparison_json(outcomes)}};
}

TEST_CASE(
    "scheme results are identical with 1 and 2 threads, with blobs repaired at once, and from run "
    "to run") {
  const model::WorldTrace trace = busy_trace();
  const nlohmann::json one = run_json(trace, 1);
  const nlohmann::json two = run_json(trace, 2);
  const nlohmann::json again = run_json(trace, 2);
  const nlohmann::json blobs_at_once = run_json(trace, 1, 3);
  CHECK(one.dump() == two.dump());
  CHECK(two.dump() == again.dump());
  CHECK(blobs_at_once.dump() == one.dump());
  // Something happened, and in the order the schemes were given.
  REQUIRE(one["schemes"].size() == 3);
  CHECK(one["schemes"].begin().key() == "redstuff");  // nlohmann orders keys; all present
  CHECK(one["schemes"]["redstuff"]["summary"]["repairs"].get<double>() > 0.0);
  CHECK(one["schemes"]["wide"]["summary"]["repair_bytes_total"].get<std::uint64_t>() > 0);
  CHECK(one["comparison"].contains("rs_rebuild_over_redstuff"));
  CHECK(one["comparison"].contains("wide_over_redstuff"));
  CHECK(one["schemes"]["redstuff"]["per_epoch"].size() == 2);
}

TEST_CASE("the memory estimate peaks with the blobs alive at once and limits concurrency") {
  TraceBuilder b(8, 100.0, 100.0);
  b.node(1.0, 1.0);
  b.epoch(0.0, std::vector<NodeId>(8, NodeId{0}));
  for (int i = 0; i < 3; ++i) b.blob(100, 1.0, 1.0 + i);
  model::WorldTrace trace = b.build();
  trace.events.push_back({kernel::Ticks::seconds(5), WorldEventKind::kBlobExpire,
                          model::EventCause::kNone, model::kNoNode, 0});
  const auto schemes = fake_schemes(false);  // stored per blob: 8000, 32000, 4000 bytes
  // Three blobs alive at once, plus one write (100 bytes and the units) for schemes without
  // formulas, and 5 % for the allocator; the process base once.
  const auto gib = [](std::uint64_t bytes) { return static_cast<double>(bytes) / 1073741824.0; };
  const std::uint64_t base = kProcessBaseBytes + trace_bytes(trace);
  const MemoryEstimate three = estimate_memory(trace, schemes, 3, 3, gib(base + 190000));
  CHECK(three.base_bytes == base);
  CHECK(three.peak_bytes == std::vector<std::uint64_t>{33705, 134505, 16905});
  CHECK(three.concurrency == 3);
  CHECK(three.needed_bytes == base + 185115);
  const MemoryEstimate two = estimate_memory(trace, schemes, 3, 2, gib(base + 190000));
  CHECK(two.concurrency == 2);
  CHECK(two.needed_bytes == base + 168210);
  const MemoryEstimate tight = estimate_memory(trace, schemes, 3, 3, gib(base + 150000));
  CHECK(tight.concurrency == 1);
  CHECK(tight.repair_blobs_at_once == 1);
  CHECK(tight.needed_bytes == base + 134505);
  // Schemes side by side: threads / c blobs' repairs at once each when their working memory fits
  // (per blob 8100 and 32100 bytes), else fewer; one scheme at a time: one blob at a time.
  std::vector<std::unique_ptr<StorageScheme>> pair;
  pair.push_back(std::make_unique<FakeScheme>(8, 4, 1000, "a"));
  pair.push_back(std::make_unique<FakeScheme>(8, 2, 4000, "b"));
  const MemoryEstimate two_blobs = estimate_memory(trace, pair, 3, 4, gib(base + 220000));
  CHECK(two_blobs.concurrency == 2);
  CHECK(two_blobs.repair_blobs_at_once == 2);
  CHECK(two_blobs.peak_bytes == std::vector<std::uint64_t>{42210, 168210});
  CHECK(two_blobs.needed_bytes == base + 210420);
  const MemoryEstimate one_blob = estimate_memory(trace, pair, 3, 4, gib(base + 200000));
  CHECK(one_blob.concurrency == 2);
  CHECK(one_blob.repair_blobs_at_once == 1);
  CHECK(one_blob.needed_bytes == base + 168210);
  const MemoryEstimate alone = estimate_memory(trace, pair, 3, 4, gib(base + 150000));
  CHECK(alone.concurrency == 1);
  CHECK(alone.repair_blobs_at_once == 1);
  CHECK(alone.needed_bytes == base + 134505);
  const MemoryEstimate refused = estimate_memory(trace, schemes, 3, 2, gib(base + 100000));
  CHECK_FALSE(refused.fits());
  CHECK(refused.needed_bytes == base + 134505);
  const std::string message = memory_refusal_message(refused);
  CHECK(message.find(std::to_string(base + 134505) + " bytes") != std::string::npos);
  CHECK(message.find(std::to_string(refused.budget_bytes) + " bytes") != std::string::npos);
}

TEST_CASE("a blob's memory counts its units, what is kept with them and its working memory") {
  // n = 1000, a 1 GiB blob: s = 4820 (334 x 667 symbols), every helper tree level cached.
  const std::uint64_t gib = std::uint64_t{1} << 30;
  const auto red = formula_blob_memory("redstuff", 1000, 3, gib, 2);
  REQUIRE(red.has_value());
  CHECK(red->stored == std::uint64_t{1000} * 1001 * 4820);
  CHECK(red->kept == 64 * 1000 + 32 + 2 * 1000 * 2001 * 32 + 1000 * kUnitSlotBytes);
  // The larger of a repair (256 MiB of answers, 3 n s per worker) and an encode (32 n^2 digests
  // and 16 MiB per worker).
  CHECK(red->working == (std::uint64_t{256} << 20) + 2 * 3 * 1000 * 4820);
  const auto small = formula_blob_memory("redstuff", 1000, 3, 1 << 20, 1);  // s = 6
  REQUIRE(small.has_value());
  CHECK(small->kept == 64 * 1000 + 32 + 2 * 1000 * 251 * 32 + 1000 * kUnitSlotBytes);
  const auto rs = formula_blob_memory("rs_rebuild", 1000, 3, gib, 2);
  REQUIRE(rs.has_value());
  CHECK(rs->stored == std::uint64_t{1000} * 3214796);  // P = ceil(2^30 / 334), even
  CHECK(rs->working == 2 * 2 * 1000 * (64 << 10));
  const auto rep = formula_blob_memory("replication", 1000, 3, gib, 2);
  REQUIRE(rep.has_value());
  CHECK(rep->stored == 3 * gib);
  CHECK(formula_blob_memory("msr_bound", 1000, 3, gib, 2)->stored == 0);
  CHECK_FALSE(formula_blob_memory("fake", 1000, 3, gib, 2).has_value());
  CHECK_FALSE(formula_blob_memory("redstuff", 4, 3, gib, 2).has_value());  // too large
}

TEST_CASE("formula stored bytes follow the codec's sizes") {
  // n = 4: f = 1, k_p = 2, k_s = 3; a 600-byte blob has symbols of ceil(600 / 6) = 100 bytes.
  CHECK(formula_stored_bytes("redstuff", 4, 3, 600) == 4 * (2 + 3) * 100);
  CHECK(formula_stored_bytes("rs_rebuild", 4, 3, 600) == 4 * 300);
  CHECK(formula_stored_bytes("replication", 4, 3, 600) == 1800);
  CHECK(formula_stored_bytes("msr_bound", 4, 3, 600) == 0);
  CHECK_FALSE(formula_stored_bytes("fake", 4, 3, 600).has_value());
}

}  // namespace
}  // namespace sliversim::schemes
