// The scheme driver's physics on hand-made traces with a fake scheme (driver_test_support.hpp):
// network sharing, detection delay, cooperative and non-cooperative epoch moves, the durability
// threshold, liars caught by verification, challenges, missed writes and unavailability.
#include "sim/schemes/driver.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "sim/kernel/rng.hpp"
#include "sim/schemes/driver_test_support.hpp"

namespace sliversim::schemes {
namespace {

using model::BlobIndex;
using model::NodeId;
using model::ShardId;
using model::WorldEventKind;
using testing::FakeScheme;
using testing::TraceBuilder;

constexpr double kRate = 1000.0;  // bytes per second, every link

DriverOptions options(double delay_s, double timeout_s = 3600.0, std::uint32_t challenged = 0) {
  DriverOptions o;
  o.detection_delay = kernel::Ticks::from_seconds(delay_s);
  o.sync_timeout = kernel::Ticks::from_seconds(timeout_s);
  o.challenge_blobs_per_shard = challenged;
  return o;
}

std::vector<NodeId> add_nodes(TraceBuilder& b, std::size_t count) {
  std::vector<NodeId> nodes;
  for (std::size_t i = 0; i < count; ++i) nodes.push_back(b.node(kRate, kRate));
  return nodes;
}

SchemeOutcome run(const model::WorldTrace& trace, FakeScheme& scheme, DriverOptions o,
                  UnitStore* store_out = nullptr) {
  SchemeDriver driver(trace, scheme, o);
  SchemeOutcome out = driver.run();
  if (store_out != nullptr) *store_out = driver.store();
  return out;
}

const ShardId kShard0{0};
const ShardId kShard1{1};
const BlobIndex kBlob0{0};

TEST_CASE("a blob's content read in pieces of any size is the same stream of words") {
  // Known answer: the first word of stream (7, "blob_content", 3), little-endian.
  kernel::Rng rng = kernel::make_stream(7, "blob_content", 3);
  const std::uint64_t first = rng.next_u64();
  const std::vector<std::uint8_t> whole = blob_content(7, model::BlobIndex{3}, 1001);
  REQUIRE(whole.size() == 1001);
  for (std::size_t i = 0; i < 8; ++i) {
    CHECK(whole[i] == static_cast<std::uint8_t>(first >> (8 * i)));
  }
  for (const std::size_t piece : {1U, 3U, 8U, 13U, 64U, 1000U}) {
    CAPTURE(piece);
    BlobStream stream(7, model::BlobIndex{3}, 1001);
    CHECK(stream.size() == 1001);
    std::vector<std::uint8_t> read(1001);
    for (std::size_t at = 0; at < read.size(); at += piece) {
      stream.read(std::span(read).subspan(at, std::min(piece, read.size() - at)));
    }
    CHECK(read == whole);
  }
}

TEST_CASE("two repair flows from one helper share its uplink and each take twice as long") {
  for (const bool two_losses : {false, true}) {
    TraceBuilder b(4, 100.0, 100.0);
    const auto n = add_nodes(b, 4);
    // With k = 1 shard 0 and shard 1 are both rebuilt from shard 2, on node 2.
    b.epoch(0.0, {n[0], n[1], n[2], n[3]});
    b.blob(4000, 1.0, 1.0);
    b.event(10.0, WorldEventKind::kDataLoss, n[0]);
    if (two_losses) b.event(10.0, WorldEventKind::kDataLoss, n[1]);
    FakeScheme scheme(4, 1, 1000);
    const SchemeOutcome out = run(b.build(), scheme, options(0.0));
    const std::vector<double> seconds = out.metrics.all_repair_seconds();
    REQUIRE(seconds.size() == (two_losses ? 2U : 1U));
    // Alone, 1000 bytes at 1000 B/s take 1 s; two flows from the same helper get 500 B/s each.
    for (const double s : seconds) CHECK(s == doctest::Approx(two_losses ? 2.0 : 1.0));
    CHECK(out.metrics.total().repaired_units == seconds.size());
    CHECK(out.metrics.total().repair_bytes[ByteCategory::kFullBlob] == 1000 * seconds.size());
    CHECK(out.network.flows_completed == seconds.size());
  }
}

TEST_CASE("one node's lost shards are one job: one flow per helper node, one execution per blob") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 3);
  b.epoch(0.0, {n[0], n[0], n[1], n[2]});
  b.blob(4000, 1.0, 1.0);
  b.blob(4000, 1.0, 1.0);
  b.event(10.0, WorldEventKind::kDataLoss, n[0]);
  FakeScheme scheme(4, 1, 1000);
  const SchemeOutcome out = run(b.build(), scheme, options(0.0));
  // 2 shards x 2 blobs, all from shard 2: one flow of 4000 bytes at 1000 B/s.
  CHECK(out.metrics.all_repair_seconds() == std::vector<double>{4.0});
  CHECK(out.network.flows_completed == 1);
  CHECK(scheme.executions() == 4);
  CHECK(scheme.calls() == 2);
  CHECK(out.metrics.total().repaired_units == 4);
}

// Records what a replay reports.
class Recorder final : public SchemeObserver {
 public:
  void on_scheme_progress(const SchemeProgress& p) override { seen.push_back(p); }
  std::vector<SchemeProgress> seen;
};

TEST_CASE("an observer hears a replay's progress in steps and changes nothing") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 3);
  b.epoch(0.0, {n[0], n[0], n[1], n[2]});
  b.blob(4000, 1.0, 1.0);
  b.event(10.0, WorldEventKind::kDataLoss, n[0]);
  const model::WorldTrace trace = b.build();
  FakeScheme quiet_scheme(4, 1, 1000);
  const SchemeOutcome quiet = run(trace, quiet_scheme, options(0.0));
  FakeScheme watched_scheme(4, 1, 1000);
  SchemeDriver driver(trace, watched_scheme, options(0.0));
  Recorder recorder;
  const SchemeOutcome watched = driver.run(&recorder, 3);
  CHECK(watched.digest_hex == quiet.digest_hex);
  CHECK(watched.kernel_events == quiet.kernel_events);
  CHECK(watched.metrics.all_repair_seconds() == quiet.metrics.all_repair_seconds());
  REQUIRE(recorder.seen.size() == 401);  // 400 steps, then done
  CHECK(recorder.seen.front().scheme == 3);
  CHECK(recorder.seen.front().name == "fake");
  CHECK(recorder.seen[199].now < recorder.seen[200].now);
  CHECK(recorder.seen[399].now == trace.duration);
  CHECK_FALSE(recorder.seen[399].done);
  CHECK(recorder.seen.back().done);
  CHECK(recorder.seen.back().kernel_events == watched.kernel_events);
}

TEST_CASE("a helper dying mid-transfer cuts the job, which is re-planned from another helper") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 4);
  b.epoch(0.0, n);
  b.blob(4000, 1.0, 1.0);
  b.event(10.0, WorldEventKind::kDataLoss, n[0]);  // shard 0 rebuilt from shard 1 (node 1)
  b.event(10.5, WorldEventKind::kNodeFail, n[1]);  // half of its 1000 bytes sent
  FakeScheme scheme(4, 1, 1000);
  UnitStore store(4);
  const SchemeOutcome out = run(b.build(), scheme, options(0.0), &store);
  const MetricCounters c = out.metrics.total();
  CHECK(c.aborted_bytes == 500);
  CHECK(c.repaired_units == 1);
  CHECK(c.repair_bytes[ByteCategory::kFullBlob] == 1000);  // only the completed plan counts
  // Re-planned at 10.5 s from shard 2: 1 s.
  CHECK(out.metrics.all_repair_seconds() == std::vector<double>{1.0});
  CHECK(store.state(kBlob0, kShard0) == UnitState::kValid);
  CHECK(store.state(kBlob0, kShard1) == UnitState::kAbsent);  // the dead node's, until the epoch
}

TEST_CASE("a repair starts only after the detection delay and rebuilds the original bytes") {
  for (const double end_s : {15.9, 16.1}) {
    TraceBuilder b(4, end_s, 100.0);
    const auto n = add_nodes(b, 3);
    b.epoch(0.0, {n[0], n[1], n[1], n[2]});
    b.blob(4000, 1.0, 1.0);
    b.event(10.0, WorldEventKind::kDataLoss, n[0]);
    FakeScheme scheme(4, 1, 1000);
    UnitStore store(4);
    run(b.build(), scheme, options(5.0), &store);
    // Loss at 10 s, detection at 15 s, a 1 s transfer: rebuilt at 16 s.
    if (end_s < 16.0) {
      CHECK(store.state(kBlob0, kShard0) == UnitState::kAbsent);
    } else {
      REQUIRE(store.state(kBlob0, kShard0) == UnitState::kValid);
      const auto bytes = store.bytes(kBlob0, kShard0);
      const auto expected = scheme.unit(kBlob0, kShard0);
      CHECK(std::equal(bytes.begin(), bytes.end(), expected.begin(), expected.end()));
    }
  }
}

TEST_CASE(
    "a cooperative epoch move costs the shard's unit bytes, a non-cooperative one the "
    "recovery's") {
  for (const bool cooperative : {true, false}) {
    TraceBuilder b(4, 200.0, 100.0);
    const auto n = add_nodes(b, 6);
    b.epoch(0.0, {n[0], n[1], n[2], n[3]});
    b.blob(2000, 1.0, 1.0);
    b.blob(2000, 1.0, 1.0);
    if (!cooperative) {
      b.event(50.0, WorldEventKind::kNodeFail, n[0]);
      b.event(50.0, WorldEventKind::kNodeFail, n[1]);
    }
    b.epoch(100.0, {n[4], n[5], n[2], n[3]});
    FakeScheme scheme(4, 2, 1000);
    UnitStore store(4);
    const SchemeOutcome out = run(b.build(), scheme, options(1.0), &store);
    const MetricCounters c = out.metrics.total();
    if (cooperative) {
      CHECK(c.repair_bytes[ByteCategory::kTransfer] == 2 * 2 * 1000);  // 2 shards x 2 blobs
      CHECK(c.repair_bytes[ByteCategory::kFullBlob] == 0);
      CHECK(c.cooperative_transfers == 2);
      // Each new owner receives 2000 bytes at 1000 B/s; quorum (3 of 4 shards) after the first.
      REQUIRE(out.metrics.epoch(1).epoch_change_seconds.has_value());
      CHECK(*out.metrics.epoch(1).epoch_change_seconds == doctest::Approx(2.0));
      REQUIRE(out.metrics.epoch(1).full_sync_seconds.has_value());
      CHECK(*out.metrics.epoch(1).full_sync_seconds == doctest::Approx(2.0));  // both in parallel
    } else {
      CHECK(c.repair_bytes[ByteCategory::kTransfer] == 0);
      // 2 shards x 2 blobs, each rebuilt from k = 2 units of 1000 bytes.
      CHECK(c.repair_bytes[ByteCategory::kFullBlob] == 2 * 2 * 2 * 1000);
      CHECK(c.repaired_units == 4);
      CHECK(c.recovered_moves == 2);
    }
    for (const std::uint32_t s : {0U, 1U}) {
      CHECK(store.state(kBlob0, ShardId{s}) == UnitState::kValid);
    }
    CHECK(c.blobs_lost == 0.0);
  }
}

TEST_CASE("2f shards lost lose nothing, 2f + 1 lose every blob (n = 7, k = 3)") {
  for (const std::size_t failures : {4U, 5U}) {
    TraceBuilder b(7, 100.0, 100.0);
    const auto n = add_nodes(b, 7);
    b.epoch(0.0, n);
    b.blob(3000, 2.5, 1.0);
    b.blob(3000, 2.5, 1.0);
    for (std::size_t i = 0; i < failures; ++i) b.event(10.0, WorldEventKind::kNodeFail, n[i]);
    FakeScheme scheme(7, 3, 1000);
    const MetricCounters c = run(b.build(), scheme, options(60.0)).metrics.total();
    if (failures == 4) {
      CHECK(c.loss_events == 0);
      CHECK(c.bytes_lost == 0);
    } else {
      CHECK(c.loss_events == 2);
      CHECK(c.blobs_lost == doctest::Approx(5.0));
      CHECK(c.bytes_lost == 2 * 7500);  // weighted unencoded bytes
    }
  }
}

TEST_CASE("a corrupt helper is caught by verification, excluded, and the repair re-planned") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 4);
  b.epoch(0.0, n);
  b.blob(4000, 1.0, 1.0);
  b.adversary(n[2], scenario::AdversaryAction::kCorrupt, 1.0, 5.0);
  b.event(10.0, WorldEventKind::kDataLoss, n[1]);
  FakeScheme scheme(4, 1, 1000);
  UnitStore store(4);
  const MetricCounters c = run(b.build(), scheme, options(0.0), &store).metrics.total();
  CHECK(store.state(kBlob0, ShardId{2}) == UnitState::kCorrupt);
  CHECK(c.corrupt_symbols_caught == 1);
  CHECK(c.repaired_units == 1);
  CHECK(c.repair_bytes[ByteCategory::kFullBlob] == 2000);  // the liar's bytes moved too
  REQUIRE(store.state(kBlob0, kShard1) == UnitState::kValid);
  const auto bytes = store.bytes(kBlob0, kShard1);
  const auto expected = scheme.unit(kBlob0, kShard1);
  CHECK(std::equal(bytes.begin(), bytes.end(), expected.begin(), expected.end()));
}

TEST_CASE("a challenge fails an owner that deleted its units; a stand-in recovers its shards") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 4);
  b.epoch(0.0, n);
  b.blob(4000, 1.0, 1.0);
  b.adversary(n[0], scenario::AdversaryAction::kDelete, 1.0, 5.0);
  b.event(10.0, WorldEventKind::kChallengeRound);
  FakeScheme scheme(4, 2, 1000);
  UnitStore store(4);
  const MetricCounters c = run(b.build(), scheme, options(0.0, 3600.0, 1), &store).metrics.total();
  CHECK(c.challenge_failures == 1);
  CHECK(c.repaired_units == 1);
  CHECK(store.state(kBlob0, kShard0) == UnitState::kValid);
}

TEST_CASE("an owner that was down at a write recovers the missed unit when it is back") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 4);
  b.epoch(0.0, n);
  b.event(0.5, WorldEventKind::kNodeDown, n[0]);
  b.blob(4000, 1.0, 1.0);
  b.event(20.0, WorldEventKind::kNodeUp, n[0]);
  FakeScheme scheme(4, 2, 1000);
  UnitStore store(4);
  const SchemeOutcome out = run(b.build(), scheme, options(1.0), &store);
  CHECK(out.metrics.total().repaired_units == 1);
  // Written at 1 s, back at 20 s, detected at 21 s, 2 x 1000 bytes in at 1000 B/s: 2 s.
  CHECK(out.metrics.all_repair_seconds().at(0) == doctest::Approx(2.0));
  CHECK(store.state(kBlob0, kShard0) == UnitState::kValid);
}

TEST_CASE("a blob is unavailable, weighted, while fewer than k units are reachable") {
  TraceBuilder b(4, 100.0, 100.0);
  const auto n = add_nodes(b, 4);
  b.epoch(0.0, n);
  b.blob(3000, 3.0, 1.0);
  b.event(10.0, WorldEventKind::kNodeDown, n[0]);
  b.event(12.0, WorldEventKind::kNodeDown, n[1]);  // 2 of 4 reachable < k = 3
  b.event(30.0, WorldEventKind::kNodeUp, n[1]);
  b.event(40.0, WorldEventKind::kNodeUp, n[0]);
  FakeScheme scheme(4, 3, 1000);
  const MetricCounters c = run(b.build(), scheme, options(1.0)).metrics.total();
  CHECK(c.unavailable_blob_seconds == doctest::Approx(18.0 * 3.0));
  CHECK(c.loss_events == 0);
  CHECK(c.repair_jobs == 0);  // nothing was lost
}

TEST_CASE("a transfer not finished by the sync timeout switches its remaining blobs to recovery") {
  TraceBuilder b(4, 200.0, 100.0);
  const auto n = add_nodes(b, 5);
  b.epoch(0.0, {n[0], n[1], n[2], n[3]});
  for (int i = 0; i < 4; ++i) b.blob(2000, 1.0, 1.0);
  b.epoch(100.0, {n[4], n[1], n[2], n[3]});
  // 4 blobs x 1000 bytes at 1000 B/s need 4 s; the timeout at 2.5 s leaves 2 whole blobs moved.
  FakeScheme scheme(4, 2, 1000);
  UnitStore store(4);
  const MetricCounters c = run(b.build(), scheme, options(1.0, 2.5), &store).metrics.total();
  CHECK(c.sync_timeouts == 1);
  CHECK(c.repair_bytes[ByteCategory::kTransfer] == 2500);
  CHECK(c.repaired_units == 2);
  CHECK(c.repair_bytes[ByteCategory::kFullBlob] == 2 * 2 * 1000);
  for (std::uint32_t blob = 0; blob < 4; ++blob) {
    CHECK(store.state(BlobIndex{blob}, kShard0) == UnitState::kValid);
  }
}

}  // namespace
}  // namespace sliversim::schemes
