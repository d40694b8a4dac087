// compare_results: collect the selected numeric leaves of both documents, pair them by pointer,
// and judge each pair.
#include "sim/compare/compare.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "sim/compare/metric_pattern.hpp"
#include "sim/scenario/problem.hpp"

namespace sliversim::compare {
namespace {

using nlohmann::json;

struct Leaf {
  std::string pointer;
  const json* value;
};
using Leaves = std::vector<Leaf>;

// Appends every numeric or null leaf below `node` (at `pointer`) in document order.
void collect_leaves(const json& node, const std::string& pointer, Leaves* out) {
  if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      collect_leaves(child, scenario::pointer_join(pointer, key), out);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      collect_leaves(node[i], scenario::pointer_join(pointer, i), out);
    }
  } else if (node.is_number() || node.is_null()) {
    out->push_back({pointer, &node});
  }
}

// Every leaf of `doc` outside /timing and /tool.
Leaves all_leaves(const json& doc) {
  Leaves leaves;
  for (const auto& [key, child] : doc.items()) {
    if (key != "timing" && key != "tool")
      collect_leaves(child, scenario::pointer_join("", key), &leaves);
  }
  return leaves;
}

// The tokens of a per-epoch leaf /schemes/S/per_epoch/I/..., or empty for other pointers.
std::vector<std::string_view> per_epoch_tokens(std::string_view pointer) {
  std::vector<std::string_view> tokens = pointer_tokens(pointer);
  if (tokens.size() >= 4 && tokens[0] == "schemes" && tokens[2] == "per_epoch") return tokens;
  return {};
}

// The summary twin of per-epoch tokens: /schemes/S/summary/... with the index dropped.
std::string summary_twin(const std::vector<std::string_view>& tokens) {
  std::string twin("/schemes/");
  twin.append(tokens[1]).append("/summary");
  for (std::size_t i = 4; i < tokens.size(); ++i) twin.append("/").append(tokens[i]);
  return twin;
}

// Decides which leaves are compared, and remembers which patterns selected something.
class Selector {
 public:
  explicit Selector(const CompareOptions& options)
      : options_(options), used_(options.metric_patterns.size(), false) {}

  bool selects(const std::string& pointer) {
    const std::vector<std::string_view> epoch = per_epoch_tokens(pointer);
    if (!epoch.empty() && !options_.per_epoch) return false;
    if (options_.metric_patterns.empty()) return !epoch.empty() || is_summary(pointer);
    bool any = false;
    for (std::size_t i = 0; i < options_.metric_patterns.size(); ++i) {
      const std::string& pattern = options_.metric_patterns[i];
      if (pattern_selects(pattern, pointer) ||
          (!epoch.empty() && pattern_selects(pattern, summary_twin(epoch)))) {
        used_[i] = true;
        any = true;
      }
    }
    return any;
  }

  std::vector<std::string> unmatched() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < used_.size(); ++i) {
      if (!used_[i]) out.push_back(options_.metric_patterns[i]);
    }
    return out;
  }

 private:
  static bool is_summary(std::string_view pointer) {
    const std::vector<std::string_view> tokens = pointer_tokens(pointer);
    return (!tokens.empty() && tokens[0] == "comparison") ||
           (tokens.size() >= 3 && tokens[0] == "schemes" && tokens[2] == "summary");
  }

  const CompareOptions& options_;
  std::vector<bool> used_;
};

Leaves selected_leaves(const json& doc, Selector* selector) {
  Leaves out;
  for (Leaf& leaf : all_leaves(doc)) {
    if (selector->selects(leaf.pointer)) out.push_back(std::move(leaf));
  }
  return out;
}

// The per_epoch length of scheme `scheme` in `doc`, or nullopt when it has no such array.
std::optional<std::size_t> series_length(const json& doc, const std::string& scheme) {
  const json::json_pointer p("/schemes/" + scheme + "/per_epoch");
  if (!doc.contains(p) || !doc.at(p).is_array()) return std::nullopt;
  return doc.at(p).size();
}

// For every scheme whose selected per-epoch series differ in length: a length row, and the
// common length (leaves beyond it are dropped from both sides).
std::map<std::string, std::size_t> length_mismatches(const json& baseline, const json& candidate,
                                                     const Leaves& b, const Leaves& c,
                                                     std::vector<MetricRow>* rows) {
  std::set<std::string> schemes;  // Determinism: ordered by name
  for (const Leaves* leaves : {&b, &c}) {
    for (const Leaf& leaf : *leaves) {
      const auto tokens = per_epoch_tokens(leaf.pointer);
      if (!tokens.empty()) schemes.insert(std::string(tokens[1]));
    }
  }
  std::map<std::string, std::size_t> common;
  for (const std::string& scheme : schemes) {
    const auto nb = series_length(baseline, scheme);
    const auto nc = series_length(candidate, scheme);
    if (!nb || !nc || *nb == *nc) continue;
    MetricRow row;
    row.metric = "/schemes/" + scheme + "/per_epoch";
    row.baseline = json(*nb);
    row.candidate = json(*nc);
    row.verdict = Verdict::kLengthDiffers;
    row.fails = true;
    rows->push_back(std::move(row));
    common[scheme] = std::min(*nb, *nc);
  }
  return common;
}

// Drops the per-epoch leaves at or beyond their scheme's common length.
void trim_series(const std::map<std::string, std::size_t>& common, Leaves* leaves) {
  if (common.empty()) return;
  std::erase_if(*leaves, [&common](const Leaf& leaf) {
    const auto tokens = per_epoch_tokens(leaf.pointer);
    if (tokens.empty()) return false;
    const auto it = common.find(std::string(tokens[1]));
    std::size_t index = 0;
    const std::string_view token = tokens[3];
    const auto parsed = std::from_chars(token.data(), token.data() + token.size(), index);
    return it != common.end() && parsed.ec == std::errc() && index >= it->second;
  });
}

long double exact_value(const json& number) {
  if (number.is_number_unsigned()) return static_cast<long double>(number.get<std::uint64_t>());
  if (number.is_number_integer()) return static_cast<long double>(number.get<std::int64_t>());
  return static_cast<long double>(number.get<double>());
}

// candidate - baseline; exact in sign for integers (long double holds every 64-bit integer on
// the x86-64 and AArch64 Linux targets we build for).
double difference(const json& baseline, const json& candidate) {
  return static_cast<double>(exact_value(candidate) - exact_value(baseline));
}

// The verdict of two present values.
Verdict judge_values(const json& b, const json& c, Direction direction,
                     const CompareOptions& options) {
  if (b.is_null() || c.is_null())
    return b.is_null() && c.is_null() ? Verdict::kSame : Verdict::kChanged;
  const double diff = difference(b, c);
  if (diff == 0.0) return Verdict::kSame;
  const double tolerance =
      std::max(options.abs_tol, options.rel_tol * std::fabs(static_cast<double>(exact_value(b))));
  if (direction == Direction::kNone) {
    return std::fabs(diff) <= tolerance ? Verdict::kWithinTolerance : Verdict::kChanged;
  }
  const double worsening = direction == Direction::kLowerIsBetter ? diff : -diff;
  if (worsening < 0.0) return Verdict::kBetter;
  return worsening <= tolerance ? Verdict::kWithinTolerance : Verdict::kWorse;
}

MetricRow judge(const std::string& pointer, const json* b, const json* c,
                const CompareOptions& options) {
  MetricRow row;
  row.metric = pointer;
  row.direction = metric_direction(pointer);
  if (b != nullptr) row.baseline = *b;
  if (c != nullptr) row.candidate = *c;
  if (b == nullptr) {
    row.verdict = Verdict::kOnlyInCandidate;
  } else if (c == nullptr) {
    row.verdict = Verdict::kOnlyInBaseline;
  } else {
    row.verdict = judge_values(*b, *c, row.direction, options);
  }
  row.fails = row.verdict == Verdict::kWorse || row.verdict == Verdict::kOnlyInBaseline ||
              (options.strict && row.verdict == Verdict::kChanged);
  return row;
}

}  // namespace

bool CompareReport::regressed() const {
  return std::any_of(rows.begin(), rows.end(), [](const MetricRow& r) { return r.fails; });
}

std::size_t CompareReport::count(Verdict verdict) const {
  return static_cast<std::size_t>(std::count_if(
      rows.begin(), rows.end(), [verdict](const MetricRow& r) { return r.verdict == verdict; }));
}

std::vector<std::string> options_problems(const CompareOptions& options) {
  std::vector<std::string> problems;
  if (!std::isfinite(options.rel_tol) || options.rel_tol < 0.0) {
    problems.push_back("--rel-tol: expected a finite number >= 0, got " +
                       scenario::format_number(options.rel_tol));
  }
  if (!std::isfinite(options.abs_tol) || options.abs_tol < 0.0) {
    problems.push_back("--abs-tol: expected a finite number >= 0, got " +
                       scenario::format_number(options.abs_tol));
  }
  for (const std::string& pattern : options.metric_patterns) {
    const std::string problem = pattern_problem(pattern);
    if (!problem.empty()) {
      problems.push_back("--metric: " + problem);
    } else if (const auto tokens = pointer_tokens(pattern);
               tokens.front() == "timing" || tokens.front() == "tool") {
      problems.push_back("--metric " + pattern + ": /timing and /tool are never compared");
    }
  }
  return problems;
}

CompareReport compare_results(const json& baseline, const json& candidate,
                              const CompareOptions& options, std::vector<std::string>* unmatched) {
  Selector selector(options);
  Leaves b = selected_leaves(baseline, &selector);
  Leaves c = selected_leaves(candidate, &selector);
  if (unmatched != nullptr) *unmatched = selector.unmatched();
  CompareReport report;
  const auto common = length_mismatches(baseline, candidate, b, c, &report.rows);
  trim_series(common, &b);
  trim_series(common, &c);
  std::map<std::string, const json*> in_candidate;
  for (const Leaf& leaf : c) in_candidate.emplace(leaf.pointer, leaf.value);
  std::set<std::string> in_baseline;
  for (const Leaf& leaf : b) {
    in_baseline.insert(leaf.pointer);
    const auto it = in_candidate.find(leaf.pointer);
    report.rows.push_back(
        judge(leaf.pointer, leaf.value, it == in_candidate.end() ? nullptr : it->second, options));
  }
  for (const Leaf& leaf : c) {
    if (in_baseline.count(leaf.pointer) == 0U) {
      report.rows.push_back(judge(leaf.pointer, nullptr, leaf.value, options));
    }
  }
  return report;
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSame:
      return "same";
    case Verdict::kBetter:
      return "better";
    case Verdict::kWithinTolerance:
      return "within-tolerance";
    case Verdict::kWorse:
      return "worse";
    case Verdict::kChanged:
      return "changed";
    case Verdict::kOnlyInBaseline:
      return "only-in-baseline";
    case Verdict::kOnlyInCandidate:
      return "only-in-candidate";
    case Verdict::kLengthDiffers:
      break;
  }
  return "length-differs";
}

std::optional<double> relative_change(const MetricRow& row) {
  if (!row.baseline || !row.candidate || !row.baseline->is_number() ||
      !row.candidate->is_number()) {
    return std::nullopt;
  }
  const double base = static_cast<double>(exact_value(*row.baseline));
  if (base == 0.0) return std::nullopt;
  return difference(*row.baseline, *row.candidate) / std::fabs(base);
}

}  // namespace sliversim::compare
