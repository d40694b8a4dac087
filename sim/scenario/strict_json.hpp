// Strict JSON parsing: standard JSON only (no comments), syntax errors reported with line and
// column, and duplicate keys reported by pointer (nlohmann's parser would keep the last silently).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/scenario/problem.hpp"

namespace sliversim::scenario {

// The outcome of parsing one document.
struct ParsedJson {
  nlohmann::json value;  // the document; meaningless when syntax_ok is false
  bool syntax_ok = false;
  Problems problems;  // a syntax error (where = "line L, column C"), or one problem per
                      // duplicate key (where = the duplicate's pointer); empty when clean
};

// Parses `text` as one JSON document. Never throws for bad input: a syntax error is a problem
// (then syntax_ok is false and nothing else is reported); every duplicate key is a problem.
ParsedJson parse_strict_json(std::string_view text);

}  // namespace sliversim::scenario
