// JSON of the per-scheme metrics and of the baselines' ratios to redstuff.
#include "sim/report/scheme_results.hpp"

#include <string>

#include <fmt/format.h>

namespace sliversim::report {

namespace {

using nlohmann::json;
using schemes::MetricCounters;

// Points of the summary's repair-duration CDF (fractions 0, 0.01, ..., 1).
constexpr std::size_t kCdfPoints = 101;

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json percentiles_json(const std::vector<double>& values) {
  const schemes::Percentiles p = schemes::percentiles(values);
  return {{"p50", p.p50}, {"p90", p.p90}, {"p99", p.p99}, {"max", p.max}};
}

json counters_json(const MetricCounters& c) {
  json bytes = json::object();
  for (std::size_t i = 0; i < schemes::kByteCategories; ++i) {
    bytes[std::string(schemes::category_name(static_cast<schemes::ByteCategory>(i)))] =
        c.repair_bytes.by_category[i];
  }
  return {{"repair_bytes_total", c.repair_bytes.total()},
          {"repair_bytes", bytes},
          {"lost_bytes_repaired", c.lost_bytes_repaired},
          {"bytes_per_lost_byte", optional_number(schemes::bytes_per_lost_byte(c))},
          {"repairs", c.repairs},
          {"repaired_units", c.repaired_units},
          {"repair_jobs", c.repair_jobs},
          {"blobs_lost", c.blobs_lost},
          {"loss_events", c.loss_events},
          {"bytes_lost", c.bytes_lost},
          {"unavailable_blob_seconds", c.unavailable_blob_seconds},
          {"corrupt_symbols_caught", c.corrupt_symbols_caught},
          {"challenge_failures", c.challenge_failures},
          {"cooperative_transfers", c.cooperative_transfers},
          {"recovered_moves", c.recovered_moves},
          {"sync_timeouts", c.sync_timeouts},
          {"aborted_bytes", c.aborted_bytes}};
}

// Percentiles of one optional per-epoch duration over the epochs that have it.
json epoch_changes_json(const schemes::SchemeMetrics& m,
                        std::optional<double> schemes::EpochMetrics::*member) {
  std::vector<double> seconds;
  for (std::size_t e = 0; e < m.epoch_count(); ++e) {
    if (m.epoch(e).*member) seconds.push_back(*(m.epoch(e).*member));
  }
  json j = percentiles_json(seconds);
  j["completed"] = seconds.size();
  j["epochs"] = m.epoch_count();
  return j;
}

// [[seconds, fraction], ...]: the repair-duration distribution at kCdfPoints fractions 0..1.
json cdf_json(const std::vector<double>& values) {
  json points = json::array();
  for (const schemes::QuantilePoint& p : schemes::quantile_curve(values, kCdfPoints)) {
    points.push_back(json::array({p.value, p.fraction}));
  }
  return points;
}

json summary_json(const schemes::SchemeOutcome& o) {
  json j = counters_json(o.metrics.total());
  const std::vector<double> seconds = o.metrics.all_repair_seconds();
  j["repair_seconds"] = percentiles_json(seconds);
  j["repair_seconds"]["cdf"] = cdf_json(seconds);
  j["peak_node_bandwidth_bytes_per_s"] = o.metrics.peak_node_bandwidth_bytes_per_s();
  j["epoch_change_seconds"] =
      epoch_changes_json(o.metrics, &schemes::EpochMetrics::epoch_change_seconds);
  j["full_sync_seconds"] = epoch_changes_json(o.metrics, &schemes::EpochMetrics::full_sync_seconds);
  j["analytic"] = o.analytic;
  return j;
}

json per_epoch_json(const schemes::SchemeMetrics& m) {
  json series = json::array();
  for (std::size_t e = 0; e < m.epoch_count(); ++e) {
    const schemes::EpochMetrics& em = m.epoch(e);
    json j = counters_json(em.counters);
    j["epoch"] = e;
    j["repair_seconds"] = percentiles_json(em.repair_seconds);
    j["peak_node_bandwidth_bytes_per_s"] = em.peak_node_bandwidth_bytes_per_s;
    j["epoch_change_seconds"] = optional_number(em.epoch_change_seconds);
    j["full_sync_seconds"] = optional_number(em.full_sync_seconds);
    series.push_back(std::move(j));
  }
  return series;
}

json weighting_json(const model::WorldTrace& world) {
  json weights = json::object();
  for (std::size_t c = 0; c < world.blob_class_names.size(); ++c) {
    weights[world.blob_class_names[c]] = world.blob_class_weights[c];
  }
  return {{"blob_class_weights", weights},
          {"note",
           "each representative blob is encoded and repaired once; its bytes, repairs, losses "
           "and blob-seconds are multiplied by its class weight (weight 1 = exact)"}};
}

// a / b, or null when b is zero.
json ratio(double a, double b) { return b == 0.0 ? json(nullptr) : json(a / b); }

}  // namespace

json schemes_json(const std::vector<schemes::SchemeOutcome>& outcomes,
                  const model::WorldTrace& world) {
  json all = json::object();
  for (const schemes::SchemeOutcome& o : outcomes) {
    json j;
    j["analytic"] = o.analytic;
    if (o.analytic) j["label"] = "analytic bound: bytes are counted, nothing is stored or decoded";
    j["read_threshold"] = o.read_threshold;
    j["weighting"] = weighting_json(world);
    j["summary"] = summary_json(o);
    j["per_epoch"] = per_epoch_json(o.metrics);
    j["simulation"] = {{"kernel_events", o.kernel_events},
                       {"trace_digest", o.digest_hex},
                       {"flows_started", o.network.flows_started},
                       {"flows_completed", o.network.flows_completed},
                       {"rate_solves", o.network.rate_solves},
                       {"peak_concurrent_flows", o.network.peak_concurrent_flows},
                       {"peak_held_bytes", o.peak_held_bytes},
                       {"codec_calls", o.codec_calls},
                       {"codec_targets", o.codec_targets}};
    all[o.name] = std::move(j);
  }
  return all;
}

json schemes_timing_json(const std::vector<schemes::SchemeOutcome>& outcomes) {
  json all = json::object();
  for (const schemes::SchemeOutcome& o : outcomes) {
    all[o.name] = {{"wall_seconds", o.wall_seconds},
                   {"encode_seconds", o.encode_seconds},
                   {"repair_codec_seconds", o.repair_seconds}};
  }
  return all;
}

json comparison_json(const std::vector<schemes::SchemeOutcome>& outcomes) {
  json all = json::object();
  const schemes::SchemeOutcome* base = nullptr;
  for (const auto& o : outcomes) {
    if (o.name == "redstuff") base = &o;
  }
  if (base == nullptr) return all;
  const MetricCounters b = base->metrics.total();
  const auto d = [](std::uint64_t v) { return static_cast<double>(v); };
  for (const auto& o : outcomes) {
    if (&o == base) continue;
    const MetricCounters c = o.metrics.total();
    const auto per_lost = schemes::bytes_per_lost_byte(c);
    const auto base_per_lost = schemes::bytes_per_lost_byte(b);
    all[o.name + "_over_redstuff"] = {
        {"repair_bytes_total", ratio(d(c.repair_bytes.total()), d(b.repair_bytes.total()))},
        {"bytes_per_lost_byte",
         per_lost && base_per_lost ? ratio(*per_lost, *base_per_lost) : json(nullptr)},
        {"lost_bytes_repaired", ratio(d(c.lost_bytes_repaired), d(b.lost_bytes_repaired))},
        {"repair_seconds_p50", ratio(schemes::percentiles(o.metrics.all_repair_seconds()).p50,
                                     schemes::percentiles(base->metrics.all_repair_seconds()).p50)},
        {"peak_node_bandwidth_bytes_per_s", ratio(o.metrics.peak_node_bandwidth_bytes_per_s(),
                                                  base->metrics.peak_node_bandwidth_bytes_per_s())},
        {"bytes_lost", ratio(d(c.bytes_lost), d(b.bytes_lost))},
        {"unavailable_blob_seconds",
         ratio(c.unavailable_blob_seconds, b.unavailable_blob_seconds)}};
  }
  return all;
}

namespace {

// A byte count with a binary unit ("12.3 GiB").
std::string human_bytes(double bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  std::size_t unit = 0;
  while (bytes >= 1024.0 && unit + 1 < std::size(kUnits)) {
    bytes /= 1024.0;
    ++unit;
  }
  return fmt::format("{:.1f} {}", bytes, kUnits[unit]);
}

std::string scheme_line(const schemes::SchemeOutcome& o) {
  const MetricCounters c = o.metrics.total();
  std::string categories;
  for (std::size_t i = 0; i < schemes::kByteCategories; ++i) {
    if (c.repair_bytes.by_category[i] == 0) continue;
    categories += fmt::format("{}{} {}", categories.empty() ? "" : ", ",
                              schemes::category_name(static_cast<schemes::ByteCategory>(i)),
                              human_bytes(static_cast<double>(c.repair_bytes.by_category[i])));
  }
  const auto per_lost = schemes::bytes_per_lost_byte(c);
  const schemes::Percentiles p = schemes::percentiles(o.metrics.all_repair_seconds());
  return fmt::format(
      "  {}{}: repair {} ({}); {:.0f} repairs; {} per lost byte; repair p50 {:.1f} s, max "
      "{:.1f} s; blobs lost {:.0f} ({}); unavailable {:.3g} blob-s\n",
      o.name, o.analytic ? " (analytic)" : "",
      human_bytes(static_cast<double>(c.repair_bytes.total())),
      categories.empty() ? "none" : categories, c.repairs,
      per_lost ? fmt::format("{:.2f} B", *per_lost) : std::string("n/a"), p.p50, p.max,
      c.blobs_lost, human_bytes(static_cast<double>(c.bytes_lost)), c.unavailable_blob_seconds);
}

}  // namespace

std::string scheme_totals_text(const std::vector<schemes::SchemeOutcome>& outcomes) {
  if (outcomes.empty()) return {};
  std::string text = "schemes (bytes and counts weighted by the representatives' weights):\n";
  for (const auto& o : outcomes) text += scheme_line(o);
  const json comparison = comparison_json(outcomes);
  for (const auto& [name, ratios] : comparison.items()) {
    const auto show = [&](const char* key) {
      const json& v = ratios[key];
      return v.is_null() ? std::string("n/a") : fmt::format("{:.2f}x", v.get<double>());
    };
    text += fmt::format("  {}: repair bytes {}, per lost byte {}\n", name,
                        show("repair_bytes_total"), show("bytes_per_lost_byte"));
  }
  return text;
}

}  // namespace sliversim::report
