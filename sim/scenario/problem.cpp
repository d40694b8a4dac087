// Wording helpers shared by every check, so all messages read "expected ..., got ...".
#include "sim/scenario/problem.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sliversim::scenario {

namespace {

constexpr std::size_t kMaxShownStringChars = 60;

}  // namespace

std::string pointer_join(std::string_view base, std::string_view token) {
  std::string out(base);
  out.push_back('/');
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string pointer_join(std::string_view base, std::size_t index) {
  return pointer_join(base, std::to_string(index));
}

bool pointer_is_under(std::string_view pointer, std::string_view prefix) {
  if (pointer.substr(0, prefix.size()) != prefix) return false;
  return pointer.size() == prefix.size() || pointer[prefix.size()] == '/';
}

bool pointer_overlaps(std::string_view pointer, std::string_view pattern) {
  // Compare token by token; stop at the end of the shorter one.
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < pointer.size() && j < pattern.size()) {
    const std::size_t i_end = std::min(pointer.find('/', i + 1), pointer.size());
    const std::size_t j_end = std::min(pattern.find('/', j + 1), pattern.size());
    const std::string_view a = pointer.substr(i, i_end - i);
    const std::string_view b = pattern.substr(j, j_end - j);
    if (a != b && b != "/*") return false;
    i = i_end;
    j = j_end;
  }
  return true;
}

bool any_overlap(const Problems& problems, std::initializer_list<std::string_view> patterns) {
  for (const auto& p : problems) {
    for (const auto pattern : patterns) {
      if (pointer_overlaps(p.where, pattern)) return true;
    }
  }
  return false;
}

std::string describe_value(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: {
      std::string text = value.get<std::string>();
      if (text.size() > kMaxShownStringChars) text = text.substr(0, kMaxShownStringChars) + "...";
      return "string " + nlohmann::json(text).dump();
    }
    case nlohmann::json::value_t::object:
      return value.empty() ? "an empty object" : "an object";
    case nlohmann::json::value_t::array:
      return fmt::format("an array of {} item{}", value.size(), value.size() == 1 ? "" : "s");
    case nlohmann::json::value_t::number_float:
      return format_number(value.get<double>());
    case nlohmann::json::value_t::discarded:
      return "nothing";
    default:
      return value.dump();
  }
}

std::string format_number(double value) { return fmt::format("{}", value); }

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += nlohmann::json(item).dump();
  }
  return out;
}

std::vector<std::string> format_problems(std::string_view file, const Problems& problems) {
  std::vector<std::string> lines;
  lines.reserve(problems.size());
  for (const auto& p : problems) {
    if (p.where.empty()) {
      lines.push_back(fmt::format("{}: {}", file, p.message));
    } else {
      lines.push_back(fmt::format("{}: {}: {}", file, p.where, p.message));
    }
  }
  return lines;
}

}  // namespace sliversim::scenario
