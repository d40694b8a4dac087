// A problem found in an input document, and the helpers every check uses to word it the same way:
// "where: expected ..., got ...", where `where` is a JSON pointer or a line/column position.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::scenario {

// One problem in one document. Printed as "FILE: where: message".
struct Problem {
  std::string where;    // a JSON pointer ("/nodes/count"; "" is the whole document) or
                        // "line L, column C" / "line L" for text positions
  std::string message;  // e.g. "expected integer in [1, 100000], got 3.7"
};

using Problems = std::vector<Problem>;

// The pointer `base` extended by one reference token, escaped as RFC 6901 asks (~ -> ~0, / -> ~1).
std::string pointer_join(std::string_view base, std::string_view token);

// The pointer `base` extended by an array index.
std::string pointer_join(std::string_view base, std::size_t index);

// True when `pointer` is `prefix` or lies below it ("/a/b" is under "/a", "/ab" is not).
bool pointer_is_under(std::string_view pointer, std::string_view prefix);

// True when `pointer` and `pattern` lie on one path: equal, or one encloses the other, token by
// token; a "*" token of `pattern` matches any token ("/a/0/b" overlaps "/a/*", "/a" and
// "/a/*/b/c"; not "/a/*/d").
bool pointer_overlaps(std::string_view pointer, std::string_view pattern);

// True when some problem's pointer overlaps one of `patterns` (a check reading those keys must
// then be skipped: its inputs are wrong or missing).
bool any_overlap(const Problems& problems, std::initializer_list<std::string_view> patterns);

// How a JSON value is named after "got": `string "abc"`, `3.7`, `true`, `null`, `an object`,
// `an array of 3 items`. Long strings are shortened.
std::string describe_value(const nlohmann::json& value);

// A double written the shortest way that reads back exactly ("0.1", "1000000", "1e-09").
std::string format_number(double value);

// `items` as `"a", "b", "c"` (each quoted), in the given order.
std::string quoted_list(const std::vector<std::string>& items);

// The document's problems formatted one per line as "FILE: where: message" (or "FILE: message"
// when `where` is empty), in order.
std::vector<std::string> format_problems(std::string_view file, const Problems& problems);

}  // namespace sliversim::scenario
