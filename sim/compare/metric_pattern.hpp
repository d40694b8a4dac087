// Metric patterns for `sliversim compare --metric`: a JSON pointer whose tokens may hold
// wildcards. "*" inside a token matches any run of characters within that token ("repair_*"),
// a token that is exactly "**" matches any number of tokens (none included), and every other
// character matches itself. Tokens are compared as written in the pointer (escapes "~0"/"~1"
// kept), so "/schemes/*/summary/repair_bytes_total" selects that key of every scheme.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sliversim::compare {

// The tokens of `pointer` as written: "/a/b~1c" -> {"a", "b~1c"}, "" -> {}, "/" -> {""}.
// REQUIRES: pointer is empty or starts with '/'.
std::vector<std::string_view> pointer_tokens(std::string_view pointer);

// True when `pattern` matches all of `pointer` ("/a/*" matches "/a/b", not "/a" or "/a/b/c").
bool pattern_matches(std::string_view pattern, std::string_view pointer);

// True when `pattern` matches `pointer` or one of its ancestors, i.e. the pattern selects a
// subtree holding the pointer ("/a" and "/a/*" select "/a/b/c").
bool pattern_selects(std::string_view pattern, std::string_view pointer);

// Why `pattern` is not usable ("expected a JSON pointer starting with '/', got ..."), or an empty
// string when it is.
std::string pattern_problem(std::string_view pattern);

}  // namespace sliversim::compare
