// Tests of churn trace parsing.
#include "sim/scenario/trace_file.hpp"

#include <doctest/doctest.h>

namespace sliversim::scenario {

namespace {

std::vector<std::string> problems_of(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& p : parse_trace(text, 10, 100).problems)
    lines.push_back(p.where + ": " + p.message);
  return lines;
}

}  // namespace

TEST_CASE("a trace is parsed, sorted by time with ties in file order") {
  const TraceFileResult r = parse_trace(
      "# comment\n\ntime_hours,node,event\n 5 , 2 , down\n1,4,fail\n5,1,leave\n7.25,2,up\n", 10,
      100);
  REQUIRE(r.problems.empty());
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[0].node == InitialNodeIndex{4});
  CHECK(r.events[0].kind == TraceEventKind::kFail);
  CHECK(r.events[0].line == 5U);
  CHECK(r.events[1].node == InitialNodeIndex{2});  // time 5, earlier in the file
  CHECK(r.events[2].kind == TraceEventKind::kLeave);
  CHECK(r.events[3].time_hours == 7.25);
  CHECK(r.events[3].kind == TraceEventKind::kUp);
}

TEST_CASE("trace lines are checked field by field, every bad line reported") {
  const auto lines = problems_of(
      "time_hours,node,event\nx,1,down\n-1,1,down\n101,1,down\n1,10,down\n1,1.5,down\n"
      "1,1,dwon\n1,1\n");
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "line 2: expected time_hours in [0, 100] (the run's duration), got \"x\"");
  CHECK(lines[1].find("line 3: expected time_hours") == 0);
  CHECK(lines[2].find("line 4: expected time_hours") == 0);
  CHECK(lines[3] ==
        "line 5: expected a node index below 10 (the nodes present at time 0), got "
        "\"10\"");
  CHECK(lines[4].find("line 6: expected a node index") == 0);
  CHECK(lines[5] ==
        "line 7: expected event one of \"fail\", \"down\", \"up\", \"leave\", got "
        "\"dwon\" (did you mean \"down\"?)");
  CHECK(lines[6] == "line 8: expected 3 comma-separated fields (time_hours,node,event), got 2");
}

TEST_CASE("a trace needs its header") {
  CHECK(problems_of("") == std::vector<std::string>{
                               ": expected the header \"time_hours,node,event\" and events, got an "
                               "empty trace"});
  CHECK(problems_of("time,node,event\n")[0] ==
        "line 1: expected the header \"time_hours,node,event\", got \"time,node,event\"");
}

TEST_CASE("each node's events must make sense in time order") {
  const auto lines = problems_of(
      "time_hours,node,event\n1,1,up\n2,2,down\n3,2,down\n4,3,fail\n5,3,down\n6,4,leave\n"
      "7,4,leave\n");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "line 2: expected a down of node 1 before up, got up");
  CHECK(lines[1] == "line 4: expected up before another down of node 2, got down");
  CHECK(lines[2] == "line 6: expected no event for node 3 after its fail (line 5), got another");
  CHECK(lines[3] == "line 8: expected one leave per node, got a second for node 4");
}

}  // namespace sliversim::scenario
