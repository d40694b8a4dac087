// Each churn process produces the rate its config asks for (fixed seeds, tolerances of five
// standard deviations), and changing one process never changes another's draws.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/model/world.hpp"
#include "sim/model/world_test_support.hpp"

namespace sliversim::model {
namespace {

using kernel::Ticks;
using testing::check_by_construction;
using testing::config_from_text;

EpochStats totals(const WorldTrace& t) {
  EpochStats s;
  for (const auto& e : t.epochs) {
    s.failures_permanent += e.stats.failures_permanent;
    s.failures_transient += e.stats.failures_transient;
    s.failures_correlated += e.stats.failures_correlated;
    s.correlated_incidents += e.stats.correlated_incidents;
    s.data_losses += e.stats.data_losses;
    s.joins += e.stats.joins;
    s.leaves += e.stats.leaves;
    s.blobs_written += e.stats.blobs_written;
  }
  return s;
}

// |observed - expected| within five standard deviations.
void check_near(double observed, double expected, double stddev) {
  INFO("observed " << observed << ", expected " << expected << " +- 5 * " << stddev);
  CHECK(std::abs(observed - expected) <= 5.0 * stddev);
}

// One class of `count` nodes with the given churn object, 1-day epochs, no blobs.
std::string one_class(int count, double days, const std::string& churn,
                      const std::string& extra = "") {
  return R"({"run": {"duration_days": )" + std::to_string(days) +
         R"(}, "shards": {"n": 100}, "epochs": {"length_hours": 24}, "blobs": [], )" + extra +
         R"("nodes": {"classes": [{"name": "c", "count": )" + std::to_string(count) +
         R"(, "churn": )" + churn + "}]}}";
}

std::vector<WorldEvent> with_cause(const WorldTrace& t, WorldEventKind kind, EventCause cause) {
  std::vector<WorldEvent> out;
  for (const auto& e : t.events) {
    if (e.kind == kind && e.cause == cause) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("exponential lifetimes kill 1 - 1/e of the nodes within one mean") {
  const WorldTrace t = simulate_world(config_from_text(one_class(
      2000, 365,
      R"({"permanent_failures": {"lifetime_days": {"dist": "exponential", "mean_days": 365}}})")));
  const double p = 1.0 - std::exp(-1.0);
  check_near(totals(t).failures_permanent, 2000 * p, std::sqrt(2000 * p * (1 - p)));
}

TEST_CASE("Weibull lifetimes kill 1 - exp(-(t/scale)^shape) of the nodes by t") {
  const WorldTrace t = simulate_world(config_from_text(one_class(
      2000, 100,
      R"({"permanent_failures": {"lifetime_days": {"dist": "weibull", "shape": 2, "scale_days": 200}}})")));
  const double p = 1.0 - std::exp(-0.25);
  check_near(totals(t).failures_permanent, 2000 * p, std::sqrt(2000 * p * (1 - p)));
}

TEST_CASE("transient outages arrive at rate_per_year per node and last their distribution") {
  const auto config = config_from_text(one_class(
      1000, 365,
      R"({"transient_outages": {"rate_per_year": 12, "duration_hours": {"dist": "exponential", "mean_hours": 2}}})"));
  const WorldTrace t = simulate_world(config);
  check_near(totals(t).failures_transient, 12000, std::sqrt(12000.0));
  // Outages rarely overlap at this rate, so down-to-up spans follow the duration distribution.
  std::vector<Ticks> down_since(t.nodes.size());
  double hours = 0;
  int spans = 0;
  for (const auto& e : t.events) {
    if (e.kind == WorldEventKind::kNodeDown) down_since[index_of(e.node)] = e.time;
    if (e.kind == WorldEventKind::kNodeUp) {
      hours += (e.time - down_since[index_of(e.node)]).to_hours();
      ++spans;
    }
  }
  REQUIRE(spans > 10000);
  check_near(hours / spans, 2.0, 2.0 / std::sqrt(spans) + 0.01);
  check_by_construction(t, config);
}

TEST_CASE("graceful leaves take probability_per_epoch of the members at each epoch end") {
  const WorldTrace t = simulate_world(config_from_text(
      one_class(1000, 20, R"({"graceful_leaves": {"probability_per_epoch": 0.05}})")));
  // 19 boundaries before the horizon: a node stays with probability 0.95^19.
  const double p = 1.0 - std::pow(0.95, 19);
  check_near(totals(t).leaves, 1000 * p, std::sqrt(1000 * p * (1 - p)));
  for (std::size_t e = 0; e + 1 < t.epochs.size(); ++e) {
    const double members = t.epochs[e].stats.committee_size;
    check_near(t.epochs[e].stats.leaves, 0.05 * members, std::sqrt(members * 0.05 * 0.95));
  }
  CHECK(t.epochs.back().stats.leaves == 0);
}

TEST_CASE("joins arrive at rate_per_day with their stake and enter the next epoch's committee") {
  const auto config = config_from_text(one_class(
      20, 200, R"({"joins": {"rate_per_day": 3, "stake": {"dist": "fixed", "value": 7}}})"));
  const WorldTrace t = simulate_world(config);
  check_near(totals(t).joins, 600, std::sqrt(600.0));
  for (const NodeInfo& n : t.nodes) {
    if (n.initial) continue;
    CHECK(n.stake == 7.0);
    const auto next = static_cast<std::size_t>(n.joined_at / t.epoch_length) + 1;
    if (next >= t.epochs.size()) continue;
    const auto& c = t.epochs[next].committee;
    CHECK(std::binary_search(c.begin(), c.end(), n.id));
    const auto& before = t.epochs[next - 1].committee;
    CHECK_FALSE(std::binary_search(before.begin(), before.end(), n.id));
  }
  check_by_construction(t, config);
}

TEST_CASE("correlated outages: incidents at rate_per_year, whole regions down, data lost at p") {
  const auto config = config_from_text(one_class(400, 365, "{}", R"(
      "topology": {"regions": ["r0", "r1", "r2", "r3"], "datacenters_per_region": 1},
      "correlated_outages": [{"scope": "region", "rate_per_year": 400,
        "duration_hours": {"dist": "fixed", "value_hours": 1}, "data_loss_probability": 0.3}],)"));
  const WorldTrace t = simulate_world(config);
  const EpochStats s = totals(t);
  check_near(s.correlated_incidents, 400, std::sqrt(400.0));
  // Every incident takes down one whole region: 100 nodes.
  CHECK(s.failures_correlated == 100 * s.correlated_incidents);
  const double n = s.failures_correlated;
  check_near(s.data_losses / n, 0.3, std::sqrt(0.3 * 0.7 / n));
  for (const auto& e : with_cause(t, WorldEventKind::kNodeUp, EventCause::kCorrelated)) {
    const auto downs = with_cause(t, WorldEventKind::kNodeDown, EventCause::kCorrelated);
    const auto it = std::find_if(downs.begin(), downs.end(), [&](const WorldEvent& d) {
      return d.index == e.index && d.node == e.node;
    });
    REQUIRE(it != downs.end());
    CHECK(e.time - it->time == Ticks::hours(1));
    break;
  }
  check_by_construction(t, config);
}

TEST_CASE("blobs are written at write_rate_per_day with sizes from their distribution") {
  const WorldTrace t = simulate_world(config_from_text(R"({
    "run": {"duration_days": 100}, "shards": {"n": 100}, "epochs": {"length_hours": 48},
    "blobs": [{"name": "b", "initial_count": 5, "write_rate_per_day": 5, "lifetime_epochs": 3,
               "size_bytes": {"dist": "lognormal", "median_bytes": 1048576, "sigma": 0.5}}]})"));
  check_near(totals(t).blobs_written - 5.0, 500, std::sqrt(500.0));
  std::vector<double> sizes;
  for (const BlobRecord& b : t.blobs) sizes.push_back(static_cast<double>(b.size_bytes));
  std::sort(sizes.begin(), sizes.end());
  CHECK(std::abs(sizes[sizes.size() / 2] / 1048576.0 - 1.0) < 0.1);
}

TEST_CASE("changing one process leaves every other process's draws unchanged") {
  const std::string base = R"({
    "run": {"duration_days": 60}, "shards": {"n": 100}, "epochs": {"length_hours": 24},
    "nodes": {"classes": [{"name": "c", "count": 200, "churn": {
      "permanent_failures": {"lifetime_days": {"dist": "exponential", "mean_days": 100}},
      "transient_outages": {"rate_per_year": 20},
      "joins": {"rate_per_day": 1}}}]},
    "blobs": [{"name": "b", "write_rate_per_day": 3,
               "size_bytes": {"dist": "uniform", "min_bytes": 1, "max_bytes": 1000000}}]})";
  const WorldTrace a = simulate_world(config_from_text(base));
  const WorldTrace b = simulate_world(config_from_text(
      base, {"/nodes/classes/0/churn/transient_outages/rate_per_year=200",
             R"(/correlated_outages=[{"scope": "provider", "rate_per_year": 50}])"}));
  CHECK(a.digest_hex != b.digest_hex);
  CHECK(with_cause(a, WorldEventKind::kNodeFail, EventCause::kPermanent) ==
        with_cause(b, WorldEventKind::kNodeFail, EventCause::kPermanent));
  CHECK(with_cause(a, WorldEventKind::kNodeJoin, EventCause::kNone) ==
        with_cause(b, WorldEventKind::kNodeJoin, EventCause::kNone));
  REQUIRE(a.blobs.size() == b.blobs.size());
  for (std::size_t i = 0; i < a.blobs.size(); ++i) {
    CHECK(a.blobs[i].size_bytes == b.blobs[i].size_bytes);
    CHECK(a.blobs[i].written_at == b.blobs[i].written_at);
  }
  REQUIRE(a.nodes.size() == b.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) CHECK(a.nodes[i].stake == b.nodes[i].stake);
}

}  // namespace sliversim::model
