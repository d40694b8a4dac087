// Churn trace parsing: per-line syntax and ranges first, then each node's event sequence.
#include "sim/scenario/trace_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/scenario/suggest.hpp"

namespace sliversim::scenario {

namespace {

constexpr std::string_view kHeader = "time_hours,node,event";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

struct EventName {
  std::string_view name;
  TraceEventKind kind;
};

constexpr EventName kEventNames[] = {{"fail", TraceEventKind::kFail},
                                     {"down", TraceEventKind::kDown},
                                     {"up", TraceEventKind::kUp},
                                     {"leave", TraceEventKind::kLeave}};

// The event of one data line, or a problem.
bool parse_line(std::string_view line, std::uint32_t line_number, std::uint32_t node_count,
                double duration_hours, TraceEventConfig& event, Problems& out) {
  const std::string where = "line " + std::to_string(line_number);
  const auto fields = split_fields(line);
  if (fields.size() != 3) {
    out.push_back({where, "expected 3 comma-separated fields (time_hours,node,event), got " +
                              std::to_string(fields.size())});
    return false;
  }
  bool ok = true;
  const auto [tp, tec] =
      std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), event.time_hours);
  if (tec != std::errc() || tp != fields[0].data() + fields[0].size() ||
      !std::isfinite(event.time_hours) || event.time_hours < 0 ||
      event.time_hours > duration_hours) {
    out.push_back({where, "expected time_hours in [0, " + format_number(duration_hours) +
                              "] (the run's duration), got \"" + std::string(fields[0]) + "\""});
    ok = false;
  }
  std::uint32_t node = 0;
  const auto [np, nec] =
      std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), node);
  event.node = InitialNodeIndex{node};
  if (nec != std::errc() || np != fields[1].data() + fields[1].size() || node >= node_count) {
    out.push_back({where, "expected a node index below " + std::to_string(node_count) +
                              " (the nodes present at time 0), got \"" + std::string(fields[1]) +
                              "\""});
    ok = false;
  }
  const auto* name = std::find_if(std::begin(kEventNames), std::end(kEventNames),
                                  [&](const EventName& e) { return e.name == fields[2]; });
  if (name == std::end(kEventNames)) {
    const std::vector<std::string> names = {"fail", "down", "up", "leave"};
    out.push_back({where, "expected event one of " + quoted_list(names) + ", got \"" +
                              std::string(fields[2]) + "\"" + did_you_mean(fields[2], names)});
    ok = false;
  } else {
    event.kind = name->kind;
  }
  event.line = line_number;
  return ok;
}

struct NodeState {
  bool down = false;
  bool left = false;
  std::uint32_t failed_line = 0;  // 0: not failed
};

void check_sequences(const std::vector<TraceEventConfig>& events, Problems& out) {
  std::map<InitialNodeIndex, NodeState> states;
  for (const auto& e : events) {
    NodeState& s = states[e.node];
    const std::string where = "line " + std::to_string(e.line);
    const std::string node = "node " + std::to_string(static_cast<std::uint32_t>(e.node));
    if (s.failed_line != 0) {
      out.push_back({where, "expected no event for " + node + " after its fail (line " +
                                std::to_string(s.failed_line) + "), got another"});
      continue;
    }
    switch (e.kind) {
      case TraceEventKind::kFail:
        s.failed_line = e.line;
        break;
      case TraceEventKind::kDown:
        if (s.down)
          out.push_back({where, "expected up before another down of " + node + ", got down"});
        s.down = true;
        break;
      case TraceEventKind::kUp:
        if (!s.down) out.push_back({where, "expected a down of " + node + " before up, got up"});
        s.down = false;
        break;
      case TraceEventKind::kLeave:
        if (s.left) out.push_back({where, "expected one leave per node, got a second for " + node});
        s.left = true;
        break;
    }
  }
}

}  // namespace

TraceFileResult parse_trace(std::string_view text, std::uint32_t node_count,
                            double duration_hours) {
  TraceFileResult result;
  std::uint32_t line_number = 0;
  bool header_seen = false;
  std::istringstream lines{std::string(text)};
  for (std::string raw; std::getline(lines, raw);) {
    ++line_number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      if (line != kHeader) {
        result.problems.push_back({"line " + std::to_string(line_number),
                                   "expected the header \"" + std::string(kHeader) + "\", got \"" +
                                       std::string(line) + "\""});
      }
      continue;
    }
    TraceEventConfig event;
    if (parse_line(line, line_number, node_count, duration_hours, event, result.problems)) {
      result.events.push_back(event);
    }
  }
  if (!header_seen) {
    result.problems.push_back({"", "expected the header \"" + std::string(kHeader) +
                                       "\" and events, got an empty trace"});
  }
  // Determinism: stable, so events at equal times keep their file order.
  std::stable_sort(result.events.begin(), result.events.end(),
                   [](const TraceEventConfig& a, const TraceEventConfig& b) {
                     return a.time_hours < b.time_hours;
                   });
  if (result.problems.empty()) check_sequences(result.events, result.problems);
  return result;
}

TraceFileResult load_trace_file(const std::filesystem::path& path, std::uint32_t node_count,
                                double duration_hours) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_trace(text.str(), node_count, duration_hours);
}

}  // namespace sliversim::scenario
