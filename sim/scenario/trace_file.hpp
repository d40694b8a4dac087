// Churn trace files: CSV, one event per line, replayed on top of the generated churn.
//   time_hours,node,event        <- the header, exactly
//   12.5,3,down
//   20,3,up
// Blank lines and lines starting with '#' are ignored; spaces around fields are allowed.
// time_hours: simulated time (0 <= t <= run duration); node: index of a node present at time 0,
// counting class by class in scenario order (0 <= node < nodes.count); event: fail (permanent,
// data lost), down / up (transient outage start / end, data kept), leave (graceful, at the next
// epoch end). Per node, in time order: nothing after fail; up only while down; down only while up;
// one leave at most.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "sim/scenario/config.hpp"
#include "sim/scenario/problem.hpp"

namespace sliversim::scenario {

// The result of reading a trace.
struct TraceFileResult {
  std::vector<TraceEventConfig> events;  // sorted by time, ties in file order; valid only when
                                         // problems is empty
  Problems problems;                     // where = "line N"
};

// Parses trace text as above, for `node_count` initial nodes and a run of `duration_hours`.
TraceFileResult parse_trace(std::string_view text, std::uint32_t node_count, double duration_hours);

// Reads and parses the trace file at `path` (see parse_trace).
TraceFileResult load_trace_file(const std::filesystem::path& path, std::uint32_t node_count,
                                double duration_hours);

}  // namespace sliversim::scenario
