// Cross-field checks. Each names the pointer of the key to fix and the value it conflicts with.
#include "sim/scenario/cross_checks.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "sim/scenario/distribution_spec.hpp"
#include "sim/scenario/suggest.hpp"

namespace sliversim::scenario {

namespace {

constexpr double kFractionTolerance = 1e-6;

class CrossChecker {
 public:
  CrossChecker(const ScenarioConfig& c, const Problems& earlier, Problems& out)
      : c_(c), earlier_(earlier), out_(out) {}

  void run() {
    if (clean({kNodeCount, kClassCounts, "/nodes/classes/*/fraction"})) check_class_sizes();
    if (clean({"/nodes/classes/*/regions", "/nodes/classes/*/providers", "/topology"})) {
      check_placements();
    }
    if (clean({"/correlated_outages/*/scope", "/correlated_outages/*/targets", "/topology"})) {
      check_outage_targets();
    }
    if (clean({"/epochs/length_hours", "/epochs/sync_timeout_hours"})) check_epochs();
    if (clean({"/nodes/classes/*/adversary/start_days", "/run/duration_days"})) {
      check_adversary_starts();
    }
    if (clean({"/blobs/*/size_bytes", "/shards/n"})) check_blob_sizes();
    if (clean({"/schemes", kNodeCount, kClassCounts})) check_schemes();
    if (clean({"/shards", kNodeCount, kClassCounts})) check_shard_cap();
  }

 private:
  // nodes.count is derived from the class counts when absent.
  static constexpr std::string_view kNodeCount = "/nodes/count";
  static constexpr std::string_view kClassCounts = "/nodes/classes/*/count";

  bool clean(std::initializer_list<std::string_view> patterns) const {
    return !any_overlap(earlier_, patterns);
  }

  void add(std::string where, std::string message) {
    out_.push_back({std::move(where), std::move(message)});
  }

  static std::string class_ptr(std::size_t i) { return "/nodes/classes/" + std::to_string(i); }

  void check_class_sizes() {
    const auto& classes = c_.nodes.classes;
    if (classes.empty()) return;
    const bool by_count = classes.front().count.has_value();
    double fractions = 0.0;
    std::uint64_t counts = 0;
    for (std::size_t i = 0; i < classes.size(); ++i) {
      if (classes[i].count.has_value() != by_count) {
        add(class_ptr(i), std::string("expected ") + (by_count ? "\"count\"" : "\"fraction\"") +
                              " like class 0 (all classes give counts or all give fractions), "
                              "got " +
                              (by_count ? "\"fraction\"" : "\"count\""));
        return;
      }
      fractions += classes[i].fraction.value_or(0.0);
      counts += classes[i].count.value_or(0);
    }
    if (!by_count && std::fabs(fractions - 1.0) > kFractionTolerance) {
      add("/nodes/classes",
          "expected class fractions summing to 1, got " + format_number(fractions));
    }
    if (by_count && counts != c_.nodes.count) {
      add("/nodes/count", "expected the sum of the class counts (" + std::to_string(counts) +
                              "), got " + std::to_string(c_.nodes.count));
    }
  }

  // Each class's region and provider names exist, and some datacenter has both.
  void check_placements() {
    const TopologyLayout& t = c_.topology.layout;
    for (std::size_t i = 0; i < c_.nodes.classes.size(); ++i) {
      const NodeClassConfig& nc = c_.nodes.classes[i];
      const bool regions_ok =
          check_names(nc.regions, t.regions, class_ptr(i) + "/regions", "region");
      const bool providers_ok =
          check_names(nc.providers, t.providers, class_ptr(i) + "/providers", "provider");
      if (!regions_ok || !providers_ok) continue;
      const bool any = std::any_of(t.datacenters.begin(), t.datacenters.end(), [&](const auto& d) {
        return (nc.regions.empty() || contains(nc.regions, d.region)) &&
               (nc.providers.empty() || contains(nc.providers, d.provider));
      });
      if (!any) {
        add(class_ptr(i),
            "expected regions and providers that share a datacenter, got none "
            "(no datacenter of those regions is run by those providers)");
      }
    }
  }

  static bool contains(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  }

  bool check_names(const std::vector<std::string>& names, const std::vector<std::string>& valid,
                   const std::string& ptr, const std::string& what) {
    bool ok = true;
    for (std::size_t j = 0; j < names.size(); ++j) {
      if (contains(valid, names[j])) continue;
      add(pointer_join(ptr, j), "expected a " + what + " of the topology (" + quoted_list(valid) +
                                    "), got \"" + names[j] + "\"" + did_you_mean(names[j], valid));
      ok = false;
    }
    return ok;
  }

  void check_outage_targets() {
    const TopologyLayout& t = c_.topology.layout;
    std::vector<std::string> datacenters;
    for (const auto& d : t.datacenters) datacenters.push_back(d.name);
    for (std::size_t i = 0; i < c_.correlated_outages.size(); ++i) {
      const CorrelatedOutageConfig& o = c_.correlated_outages[i];
      const std::string ptr = "/correlated_outages/" + std::to_string(i) + "/targets";
      switch (o.scope) {
        case OutageScope::kRegion:
          check_names(o.targets, t.regions, ptr, "region");
          break;
        case OutageScope::kDatacenter:
          check_names(o.targets, datacenters, ptr, "datacenter");
          break;
        case OutageScope::kProvider:
          check_names(o.targets, t.providers, ptr, "provider");
          break;
      }
    }
  }

  void check_epochs() {
    if (c_.epochs.sync_timeout_hours > c_.epochs.length_hours) {
      add("/epochs/sync_timeout_hours",
          "expected at most the epoch length (" + format_number(c_.epochs.length_hours) +
              " hours), got " + format_number(c_.epochs.sync_timeout_hours));
    }
  }

  void check_adversary_starts() {
    for (std::size_t i = 0; i < c_.nodes.classes.size(); ++i) {
      const auto& a = c_.nodes.classes[i].adversary;
      if (a && a->start_days > c_.run.duration_days) {
        add(class_ptr(i) + "/adversary/start_days",
            "expected at most the run's duration (" + format_number(c_.run.duration_days) +
                " days), got " + format_number(a->start_days));
      }
    }
  }

  // Bounded size distributions must stay within what the code can encode at this n.
  void check_blob_sizes() {
    const double limit = static_cast<double>(max_blob_bytes(c_.shards.n));
    for (std::size_t i = 0; i < c_.blobs.size(); ++i) {
      const DistributionConfig& d = c_.blobs[i].size_bytes;
      const std::string ptr = "/blobs/" + std::to_string(i) + "/size_bytes/";
      std::string key;
      double largest = 0.0;
      if (d.kind == DistKind::kFixed) {
        key = "value_bytes";
        largest = d.value;
      } else if (d.kind == DistKind::kUniform) {
        key = "max_bytes";
        largest = d.max;
      } else if (d.kind == DistKind::kEmpirical) {
        key = "values_bytes";
        largest = *std::max_element(d.values.begin(), d.values.end());
      }
      if (!key.empty() && largest > limit) {
        add(ptr + key, "expected sizes up to " + format_number(limit) +
                           " bytes (the largest blob at shards.n = " + std::to_string(c_.shards.n) +
                           "), got " + format_number(largest));
      }
    }
  }

  void check_schemes() {
    const SchemesConfig& s = c_.schemes;
    if (!s.redstuff.enabled && !s.rs_rebuild.enabled && !s.replication.enabled &&
        !s.msr_bound.enabled) {
      add("/schemes", "expected at least one scheme enabled, got none");
    }
    if (s.replication.enabled && s.replication.copies > c_.nodes.count) {
      add("/schemes/replication/copies",
          "expected at most nodes.count (" + std::to_string(c_.nodes.count) +
              ") copies on distinct nodes, got " + std::to_string(s.replication.copies));
    }
  }

  // With the cap on, the initial nodes must be able to hold every shard.
  void check_shard_cap() {
    const ShardConfig& s = c_.shards;
    if (c_.nodes.count < s.cap_min_nodes) return;
    const auto per_node =
        static_cast<std::uint64_t>(std::floor(s.cap_fraction * static_cast<double>(s.n)));
    if (per_node * c_.nodes.count < s.n) {
      add("/shards/cap_fraction",
          "expected a cap letting " + std::to_string(c_.nodes.count) + " nodes hold all " +
              std::to_string(s.n) + " shards (at least " +
              format_number(std::ceil(static_cast<double>(s.n) / c_.nodes.count)) + " each), got " +
              format_number(s.cap_fraction) + " (" + std::to_string(per_node) + " per node)");
    }
  }

  const ScenarioConfig& c_;
  const Problems& earlier_;
  Problems& out_;
};

}  // namespace

std::uint64_t max_blob_bytes(std::uint32_t n_shards) {
  constexpr std::uint64_t kMaxSymbolBytes = 65534;
  const std::uint64_t n = n_shards;
  const std::uint64_t f = (n - 1) / 3;
  return (n - 2 * f) * (n - f) * kMaxSymbolBytes;
}

void check_cross_fields(const ScenarioConfig& config, const Problems& earlier, Problems& out) {
  CrossChecker(config, earlier, out).run();
}

}  // namespace sliversim::scenario
