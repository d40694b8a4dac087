// Metric patterns: tokens, in-token globs, "**" and subtree selection.
#include "sim/compare/metric_pattern.hpp"

#include <doctest/doctest.h>

namespace sliversim::compare {

TEST_CASE("pointer_tokens splits a pointer into its tokens as written") {
  CHECK(pointer_tokens("").empty());
  CHECK(pointer_tokens("/") == std::vector<std::string_view>{""});
  CHECK(pointer_tokens("/a/b~1c/0") == std::vector<std::string_view>{"a", "b~1c", "0"});
  CHECK(pointer_tokens("/a//b") == std::vector<std::string_view>{"a", "", "b"});
}

TEST_CASE("a plain pattern matches only the same pointer") {
  CHECK(pattern_matches("/schemes/redstuff/summary/repairs", "/schemes/redstuff/summary/repairs"));
  CHECK_FALSE(pattern_matches("/schemes/redstuff/summary/repairs", "/schemes/redstuff/summary"));
  CHECK_FALSE(pattern_matches("/schemes/redstuff/summary", "/schemes/redstuff/summary/repairs"));
  CHECK_FALSE(pattern_matches("/a/b", "/a/bc"));
}

TEST_CASE("a star matches within one token only") {
  CHECK(pattern_matches("/schemes/*/summary/x", "/schemes/rs_rebuild/summary/x"));
  CHECK(pattern_matches("/schemes/*/summary/x", "/schemes//summary/x"));
  CHECK_FALSE(pattern_matches("/schemes/*/x", "/schemes/a/b/x"));
  CHECK(pattern_matches("/s/repair_*", "/s/repair_bytes_total"));
  CHECK(pattern_matches("/s/*_seconds", "/s/unavailable_blob_seconds"));
  CHECK(pattern_matches("/s/a*b*c", "/s/aXbYbZc"));
  CHECK_FALSE(pattern_matches("/s/a*b*c", "/s/aXbYcZ"));
  CHECK(pattern_matches("/s/**", "/s"));
}

TEST_CASE("a double star token matches any number of tokens") {
  CHECK(pattern_matches("/**/p50", "/schemes/redstuff/summary/repair_seconds/p50"));
  CHECK(pattern_matches("/a/**/b", "/a/b"));
  CHECK(pattern_matches("/a/**/b", "/a/x/y/b"));
  CHECK_FALSE(pattern_matches("/a/**/b", "/a/x/y/c"));
  CHECK(pattern_matches("/**", "/anything/at/all"));
}

TEST_CASE("a pattern selects the subtree below what it matches") {
  CHECK(pattern_selects("/schemes/redstuff", "/schemes/redstuff/summary/repair_seconds/p50"));
  CHECK(pattern_selects("/schemes/*/summary/repair_seconds",
                        "/schemes/rs_rebuild/summary/repair_seconds/p99"));
  CHECK_FALSE(pattern_selects("/schemes/redstuff", "/schemes/rs_rebuild/summary/repairs"));
  CHECK_FALSE(pattern_selects("/schemes/redstuff/summary/repairs", "/schemes/redstuff/summary"));
}

TEST_CASE("a pattern must be a JSON pointer") {
  CHECK(pattern_problem("/schemes/*/summary").empty());
  CHECK(pattern_problem("/").empty());
  CHECK(pattern_problem("schemes/redstuff").find("starting with '/'") != std::string::npos);
  CHECK_FALSE(pattern_problem("").empty());
}

}  // namespace sliversim::compare
