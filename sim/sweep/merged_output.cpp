// Writing the merged table as CSV and JSON.
#include "sim/sweep/merged_output.hpp"

#include "sim/sweep/plan_file.hpp"
#include "sim/sweep/sweep_plan.hpp"

namespace sliversim::sweep {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// A number the shortest way that reads back exactly (nlohmann's serializer).
std::string number_text(double value) { return json(value).dump(); }

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string csv_value(const json& value) {
  return csv_field(value.is_string() ? value.get<std::string>() : value.dump());
}

}  // namespace

std::string merged_csv(const MergedTable& table) {
  std::string out;
  for (const std::string& key : table.axis_keys) out += csv_field(key) + ",";
  out += "metric,n,mean,stdev,ci95_low,ci95_high\n";
  for (const MergedRow& row : table.rows) {
    for (const std::string& key : table.axis_keys) out += csv_value(row.params.at(key)) + ",";
    const SampleSummary& s = row.stats;
    out += csv_field(row.metric) + "," + std::to_string(s.n) + "," + number_text(s.mean) + "," +
           number_text(s.stdev) + "," + number_text(s.ci95_low) + "," + number_text(s.ci95_high) +
           "\n";
  }
  return out;
}

std::string merged_json(const MergedTable& table) {
  ordered_json axes = ordered_json::array();
  for (std::size_t a = 0; a < table.axis_keys.size(); ++a) {
    ordered_json values = ordered_json::array();
    for (const json& v : table.axis_values[a]) values.push_back(ordered_json::parse(v.dump()));
    axes.push_back({{"key", table.axis_keys[a]}, {"values", std::move(values)}});
  }
  const ordered_json head = {{"schema_version", kSweepSchemaVersion},
                             {"kind", kMergedKind},
                             {"sweep", {{"name", table.sweep_name}, {"axes", std::move(axes)}}}};
  std::string text = head.dump();
  text.pop_back();  // reopen the object for "rows"
  text += ",\n\"rows\": [";
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const MergedRow& row = table.rows[i];
    ordered_json params = ordered_json::object();
    for (const std::string& key : table.axis_keys) {
      params[key] = ordered_json::parse(row.params.at(key).dump());
    }
    const ordered_json line = {{"params", std::move(params)},
                               {"metric", row.metric},
                               {"n", row.stats.n},
                               {"mean", row.stats.mean},
                               {"stdev", row.stats.stdev},
                               {"ci95_low", row.stats.ci95_low},
                               {"ci95_high", row.stats.ci95_high}};
    text += (i == 0 ? "\n  " : ",\n  ") + line.dump();
  }
  text += "\n],\n\"missing_points\": " + json(table.missing_points).dump() + "}\n";
  return text;
}

}  // namespace sliversim::sweep
