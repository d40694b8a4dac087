// Metric patterns: token-wise glob matching of JSON pointers.
#include "sim/compare/metric_pattern.hpp"

#include <cstddef>

namespace sliversim::compare {
namespace {

using Tokens = std::vector<std::string_view>;

// True when the glob `pattern` ('*' = any run of characters) matches all of `text`.
bool token_matches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;  // position after the last '*' seen
  std::size_t star_text = 0;                  // where the text was when it was seen
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = ++p;
      star_text = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// True when pattern tokens [p, end) match pointer tokens [t, t_end).
bool tokens_match(const Tokens& pattern, std::size_t p, const Tokens& pointer, std::size_t t,
                  std::size_t t_end) {
  if (p == pattern.size()) return t == t_end;
  if (pattern[p] == "**") {
    for (std::size_t skip = t; skip <= t_end; ++skip) {
      if (tokens_match(pattern, p + 1, pointer, skip, t_end)) return true;
    }
    return false;
  }
  return t < t_end && token_matches(pattern[p], pointer[t]) &&
         tokens_match(pattern, p + 1, pointer, t + 1, t_end);
}

}  // namespace

std::vector<std::string_view> pointer_tokens(std::string_view pointer) {
  std::vector<std::string_view> tokens;
  if (pointer.empty()) return tokens;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = pointer.find('/', start);
    if (slash == std::string_view::npos) {
      tokens.push_back(pointer.substr(start));
      return tokens;
    }
    tokens.push_back(pointer.substr(start, slash - start));
    start = slash + 1;
  }
}

bool pattern_matches(std::string_view pattern, std::string_view pointer) {
  const Tokens p = pointer_tokens(pattern);
  const Tokens t = pointer_tokens(pointer);
  return tokens_match(p, 0, t, 0, t.size());
}

bool pattern_selects(std::string_view pattern, std::string_view pointer) {
  const Tokens p = pointer_tokens(pattern);
  const Tokens t = pointer_tokens(pointer);
  for (std::size_t end = 0; end <= t.size(); ++end) {
    if (tokens_match(p, 0, t, 0, end)) return true;
  }
  return false;
}

std::string pattern_problem(std::string_view pattern) {
  if (!pattern.empty() && pattern.front() == '/') return {};
  return "expected a JSON pointer starting with '/' (e.g. /schemes/*/summary/repair_bytes_total), "
         "got \"" +
         std::string(pattern) + "\"";
}

}  // namespace sliversim::compare
