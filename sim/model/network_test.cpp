// Tests that pin the physics of the flow network: single-flow rates and completion times,
// sharing, max-min examples with hand-computed completion times, capacity changes, pause and
// failure, latency, accounting, the max-min property on random runs, and determinism.
#include "sim/model/network.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/kernel/simulator.hpp"

namespace sliversim::model {
namespace {

using kernel::Phase;
using kernel::Simulator;
using kernel::Ticks;

constexpr double kMB = 1e6;
constexpr Phase kTestPhase{1};

NodeId node(std::uint32_t i) { return NodeId{i}; }

struct Done {
  std::vector<std::pair<std::uint64_t, std::int64_t>> flows;  // (id, completion µs)
};

FlowCallback record(Done& done) {
  return [&done](FlowId id, Ticks at) {
    done.flows.emplace_back(static_cast<std::uint64_t>(id), at.count());
  };
}

FlowRequest request(std::uint32_t from, std::uint32_t to, std::uint64_t bytes,
                    Ticks latency = Ticks{}) {
  return FlowRequest{node(from), node(to), bytes, latency, {}};
}

TEST_CASE("one flow alone gets min(uplink, downlink) and finishes at bytes / rate + latency") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 100 * kMB, 100 * kMB);
  net.set_node_capacity(node(1), 100 * kMB, 50 * kMB);
  Done done;
  const FlowId id =
      net.start_flow(request(0, 1, 100'000'000, Ticks::milliseconds(30)), record(done));
  CHECK(net.progress(id)->state == FlowState::kWaiting);
  sim.run_until(Ticks::milliseconds(30));
  const auto p = net.progress(id);
  REQUIRE(p.has_value());
  CHECK(p->state == FlowState::kRunning);
  CHECK(p->rate_bytes_per_s == 50 * kMB);
  CHECK(p->finish == Ticks::microseconds(2'030'000));
  sim.run_until(Ticks::seconds(10));
  REQUIRE(done.flows.size() == 1);
  CHECK(done.flows[0] == std::pair<std::uint64_t, std::int64_t>{0, 2'030'000});
  CHECK_FALSE(net.progress(id).has_value());
}

TEST_CASE("completion is the first whole microsecond at or after the last byte") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 3.0, 3.0);
  net.set_node_capacity(node(1), 3.0, 3.0);
  Done done;
  net.start_flow(request(0, 1, 1), record(done));  // 1 byte at 3 B/s: 333333.33 µs
  sim.run_until(Ticks::seconds(1));
  REQUIRE(done.flows.size() == 1);
  CHECK(done.flows[0].second == 333'334);
}

TEST_CASE("two flows sharing a source uplink each get half") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 100 * kMB, 1000 * kMB);
  net.set_node_capacity(node(1), 1000 * kMB, 1000 * kMB);
  net.set_node_capacity(node(2), 1000 * kMB, 1000 * kMB);
  Done done;
  const FlowId a = net.start_flow(request(0, 1, 100'000'000), record(done));
  const FlowId b = net.start_flow(request(0, 2, 100'000'000), record(done));
  CHECK(net.progress(a)->rate_bytes_per_s == 50 * kMB);
  CHECK(net.progress(b)->rate_bytes_per_s == 50 * kMB);
  sim.run_until(Ticks::seconds(10));
  // Both finish at 2 s; the tie is broken by flow id.
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{0, 2'000'000}, {1, 2'000'000}});
}

TEST_CASE("a flow limited elsewhere leaves the rest to the other (three flows on two links)") {
  // f0: 0 -> 1 and f1: 0 -> 2 share node 0's uplink (10 MB/s); f0 and f2: 3 -> 1 share node 1's
  // downlink (4 MB/s). The downlink saturates first: f0 = f2 = 2 MB/s; f1 gets 10 - 2 = 8 MB/s.
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 10 * kMB, 100 * kMB);
  net.set_node_capacity(node(1), 100 * kMB, 4 * kMB);
  net.set_node_capacity(node(2), 100 * kMB, 100 * kMB);
  net.set_node_capacity(node(3), 100 * kMB, 100 * kMB);
  Done done;
  const FlowId f0 = net.start_flow(request(0, 1, 8'000'000), record(done));
  const FlowId f1 = net.start_flow(request(0, 2, 40'000'000), record(done));
  const FlowId f2 = net.start_flow(request(3, 1, 4'000'000), record(done));
  CHECK(net.progress(f0)->rate_bytes_per_s == 2 * kMB);
  CHECK(net.progress(f1)->rate_bytes_per_s == 8 * kMB);
  CHECK(net.progress(f2)->rate_bytes_per_s == 2 * kMB);
  // f2 ends at 2 s (4 MB at 2 MB/s). Then node 1's downlink (4 MB/s) is f0's alone, below half
  // the uplink, so f0 = 4 and f1 = 10 - 4 = 6 MB/s. f0 (4 MB left) ends at 3 s; f1 has
  // 40 - 16 - 6 = 18 MB left and runs alone at 10 MB/s: ends at 4.8 s.
  sim.run_until(Ticks::seconds(10));
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{2, 2'000'000}, {0, 3'000'000}, {1, 4'800'000}});
}

TEST_CASE("a flow that ends frees capacity and the other speeds up") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 100 * kMB, 100 * kMB);
  net.set_node_capacity(node(1), 100 * kMB, 100 * kMB);
  net.set_node_capacity(node(2), 100 * kMB, 100 * kMB);
  Done done;
  net.start_flow(request(0, 1, 100'000'000), record(done));
  const FlowId big = net.start_flow(request(0, 2, 300'000'000), record(done));
  // 50 MB/s each; the small one ends at 2 s, the big one has 200 MB left at 100 MB/s: 4 s.
  sim.run_until(Ticks::seconds(3));
  CHECK(net.progress(big)->rate_bytes_per_s == 100 * kMB);
  CHECK(net.progress(big)->bytes_done == 200'000'000.0);
  sim.run_until(Ticks::seconds(10));
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{0, 2'000'000}, {1, 4'000'000}});
}

TEST_CASE("a capacity change mid-flow re-times it") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 100 * kMB, 100 * kMB);
  net.set_node_capacity(node(1), 100 * kMB, 100 * kMB);
  Done done;
  net.start_flow(request(0, 1, 100'000'000), record(done));
  sim.schedule_at(Ticks::milliseconds(500), kTestPhase, 0,
                  [&net](Simulator&) { net.set_node_capacity(node(0), 25 * kMB, 100 * kMB); });
  sim.run_until(Ticks::seconds(10));
  // 50 MB in the first 0.5 s, then 50 MB at 25 MB/s: 2 s more.
  REQUIRE(done.flows.size() == 1);
  CHECK(done.flows[0].second == 2'500'000);
}

TEST_CASE("a paused node's flows keep their progress and resume; others take the capacity") {
  Simulator sim;
  Network net(sim);
  for (std::uint32_t i = 0; i < 3; ++i) net.set_node_capacity(node(i), 100 * kMB, 100 * kMB);
  Done done;
  const FlowId to_1 = net.start_flow(request(0, 1, 100'000'000), record(done));
  const FlowId to_2 = net.start_flow(request(0, 2, 300'000'000), record(done));
  sim.schedule_at(Ticks::milliseconds(1000), kTestPhase, 0,
                  [&net](Simulator&) { net.pause_node(node(1)); });
  sim.schedule_at(Ticks::milliseconds(2000), kTestPhase, 0,
                  [&net](Simulator&) { net.resume_node(node(1)); });
  sim.run_until(Ticks::milliseconds(1500));
  const auto paused = net.progress(to_1);
  CHECK(paused->state == FlowState::kPaused);
  CHECK(paused->bytes_done == 50'000'000.0);
  CHECK(paused->rate_bytes_per_s == 0.0);
  CHECK_FALSE(paused->finish.has_value());
  CHECK(net.progress(to_2)->rate_bytes_per_s == 100 * kMB);
  CHECK(net.is_paused(node(1)));
  sim.run_until(Ticks::seconds(10));
  // 0-1 s: 50 + 50. 1-2 s: to_2 alone at 100 (150 done). From 2 s both at 50: to_1 needs 50 MB,
  // ends at 3 s (to_2 at 200 done); to_2 then alone with 100 MB left: ends at 4 s.
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{0, 3'000'000}, {1, 4'000'000}});
}

TEST_CASE("failing a node's flows ends them without callbacks and counts the bytes moved") {
  Simulator sim;
  Network net(sim);
  for (std::uint32_t i = 0; i < 3; ++i) net.set_node_capacity(node(i), 100 * kMB, 100 * kMB);
  Done done;
  net.start_flow(request(0, 1, 100'000'000), record(done));
  net.start_flow(request(2, 0, 100'000'000), record(done));
  net.start_flow(request(2, 1, 100'000'000, Ticks::seconds(5)), record(done));
  std::vector<FlowEnd> ends;
  sim.schedule_at(Ticks::milliseconds(500), kTestPhase, 0,
                  [&net, &ends](Simulator&) { ends = net.fail_node_flows(node(0)); });
  sim.run_until(Ticks::seconds(20));
  REQUIRE(ends.size() == 2);
  CHECK(ends[0].id == FlowId{0});
  CHECK(ends[0].bytes_transferred == 50'000'000);
  CHECK(ends[1].id == FlowId{1});
  CHECK(ends[1].bytes_transferred == 50'000'000);
  // Only the third flow (node 2 -> 1, starting at 5 s, alone: 1 s) completes.
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{2, 6'000'000}});
  CHECK(net.node_traffic(node(0)).bytes_sent == 50'000'000);
  CHECK(net.node_traffic(node(0)).bytes_received == 50'000'000);
  CHECK(net.node_traffic(node(2)).bytes_sent == 150'000'000);
  CHECK(net.counters().flows_ended == 2);
  CHECK(net.counters().flows_completed == 1);
  CHECK(net.active_flow_count() == 0);
}

TEST_CASE("cancelling a waiting flow moves nothing; cancelling twice is refused") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 10.0, 10.0);
  net.set_node_capacity(node(1), 10.0, 10.0);
  Done done;
  const FlowId id = net.start_flow(request(0, 1, 100, Ticks::seconds(1)), record(done));
  const auto end = net.cancel_flow(id);
  REQUIRE(end.has_value());
  CHECK(end->bytes_transferred == 0);
  CHECK_FALSE(net.cancel_flow(id).has_value());
  sim.run_until(Ticks::seconds(100));
  CHECK(done.flows.empty());
  CHECK(sim.executed_count() == 0);  // the latency event was withdrawn
}

TEST_CASE("a flow whose latency reaches past the end of time never starts") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 10.0, 10.0);
  net.set_node_capacity(node(1), 10.0, 10.0);
  sim.run_until(Ticks::seconds(1));
  Done done;
  const FlowId id = net.start_flow(request(0, 1, 5, Ticks::max()), record(done));
  sim.run_until(Ticks::max());
  CHECK(sim.executed_count() == 0);
  CHECK(net.progress(id)->state == FlowState::kWaiting);
  CHECK(done.flows.empty());
}

TEST_CASE("a zero-byte flow completes when its latency elapses") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 0.0, 0.0);
  net.set_node_capacity(node(1), 0.0, 0.0);
  Done done;
  net.start_flow(request(0, 1, 0, Ticks::microseconds(7)), record(done));
  net.start_flow(request(1, 0, 0), record(done));
  sim.run_until(Ticks::seconds(1));
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{1, 0}, {0, 7}});
}

TEST_CASE("a callback can chain the next transfer; same-tick flows it cancels do not complete") {
  Simulator sim;
  Network net(sim);
  for (std::uint32_t i = 0; i < 3; ++i) net.set_node_capacity(node(i), 1 * kMB, 1 * kMB);
  Done done;
  struct Chain {
    Network* net;
    Done* done;
    void operator()(FlowId id, Ticks at) const {
      done->flows.emplace_back(static_cast<std::uint64_t>(id), at.count());
      net->cancel_flow(FlowId{1});  // due at the same tick, not yet completed
      net->start_flow(request(1, 2, 1'000'000), record(*done));
    }
  };
  net.start_flow(request(0, 1, 1'000'000), Chain{&net, &done});
  net.start_flow(request(2, 0, 1'000'000), record(done));
  sim.run_until(Ticks::seconds(10));
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{0, 1'000'000}, {2, 2'000'000}});
}

TEST_CASE("a shared link is a resource of its own") {
  Simulator sim;
  Network net(sim);
  for (std::uint32_t i = 0; i < 4; ++i) net.set_node_capacity(node(i), 100 * kMB, 100 * kMB);
  net.set_link_capacity(LinkId{3}, 30 * kMB);
  const LinkId backbone[] = {LinkId{3}};
  Done done;
  const FlowId a = net.start_flow({node(0), node(2), 30'000'000, Ticks{}, backbone}, record(done));
  const FlowId b = net.start_flow({node(1), node(3), 60'000'000, Ticks{}, backbone}, record(done));
  const FlowId c = net.start_flow(request(0, 3, 85'000'000), record(done));
  CHECK(net.progress(a)->rate_bytes_per_s == 15 * kMB);
  CHECK(net.progress(b)->rate_bytes_per_s == 15 * kMB);
  CHECK(net.progress(c)->rate_bytes_per_s == 85 * kMB);
  sim.run_until(Ticks::seconds(10));
  // c ends at 1 s; a ends at 2 s; b (30 MB left) then alone on the link at 30 MB/s: 3 s.
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{2, 1'000'000}, {0, 2'000'000}, {1, 3'000'000}});
  CHECK(net.link_peak_bytes_per_s(LinkId{3}) == 30 * kMB);
}

TEST_CASE("accounting: bytes, flow counts, run and interval peaks") {
  Simulator sim;
  Network net(sim);
  for (std::uint32_t i = 0; i < 3; ++i) net.set_node_capacity(node(i), 100 * kMB, 80 * kMB);
  Done done;
  net.start_flow(request(0, 1, 100'000'000), record(done));
  net.start_flow(request(0, 2, 200'000'000), record(done));
  sim.run_until(Ticks::milliseconds(1500));
  NodeTraffic sender = net.node_traffic(node(0));
  CHECK(sender.uplink_bytes_per_s == 100 * kMB);
  CHECK(net.node_traffic(node(1)).downlink_bytes_per_s == 50 * kMB);
  sim.run_until(Ticks::milliseconds(2500));  // flow 0 done at 2 s; flow 1 now at 80 MB/s
  net.reset_interval_peaks();
  sim.run_until(Ticks::seconds(10));  // flow 1 done at 2 + 100/80 = 3.25 s
  sender = net.node_traffic(node(0));
  CHECK(sender.bytes_sent == 300'000'000);
  CHECK(sender.flows_sent == 2);
  CHECK(sender.uplink_bytes_per_s == 0.0);
  CHECK(sender.peak_uplink_bytes_per_s == 100 * kMB);
  CHECK(sender.interval_peak_uplink_bytes_per_s == 80 * kMB);
  const NodeTraffic receiver = net.node_traffic(node(2));
  CHECK(receiver.bytes_received == 200'000'000);
  CHECK(receiver.flows_received == 1);
  CHECK(receiver.peak_downlink_bytes_per_s == 80 * kMB);
  CHECK(net.counters().flows_started == 2);
  CHECK(net.counters().flows_completed == 2);
  CHECK(net.counters().peak_concurrent_flows == 2);
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  CHECK(done.flows == std::vector<Pair>{{0, 2'000'000}, {1, 3'250'000}});
}

TEST_CASE("petabyte flows keep exact whole-second completion times") {
  Simulator sim;
  Network net(sim);
  net.set_node_capacity(node(0), 1e9, 1e9);
  net.set_node_capacity(node(1), 1e9, 1e9);
  Done done;
  net.start_flow(request(0, 1, 1'000'000'000'000'000), record(done));  // 1 PB at 1 GB/s
  net.start_flow(request(0, 1, 3'000'000'000'000'000), record(done));
  sim.run_until(Ticks::days(365));
  using Pair = std::pair<std::uint64_t, std::int64_t>;
  // Both at 0.5 GB/s until 2e6 s, then 2 PB left at 1 GB/s: done at 4e6 s.
  CHECK(done.flows == std::vector<Pair>{{0, 2'000'000'000'000}, {1, 4'000'000'000'000}});
}

}  // namespace
}  // namespace sliversim::model
