// Strict JSON parsing. Duplicate keys are found with nlohmann's parser callback, which sees every
// container start/end, key and scalar value in document order; a stack of frames tracks the
// pointer of the current position and the keys already seen in each open object.
#include "sim/scenario/strict_json.hpp"

#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sliversim::scenario {

namespace {

struct Frame {
  std::string pointer;
  bool is_array = false;
  std::size_t next_index = 0;  // arrays: index of the next element
  std::string last_key;        // objects: the key whose value comes next
  std::set<std::string> keys;  // objects: keys seen so far
};

class DuplicateFinder {
 public:
  explicit DuplicateFinder(Problems* problems) : problems_(problems) {}

  bool on_event(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        frames_.push_back(Frame{element_pointer(), event == Event::array_start, 0, {}, {}});
        break;
      case Event::key:
        on_key(parsed.get<std::string>());
        break;
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        element_done();
        break;
      case Event::value:
        element_done();
        break;
    }
    return true;
  }

 private:
  // The pointer of the element that starts now.
  std::string element_pointer() const {
    if (frames_.empty()) return "";
    const Frame& top = frames_.back();
    return top.is_array ? pointer_join(top.pointer, top.next_index)
                        : pointer_join(top.pointer, top.last_key);
  }

  void on_key(const std::string& key) {
    Frame& top = frames_.back();
    if (!top.keys.insert(key).second) {
      problems_->push_back({pointer_join(top.pointer, key),
                            "expected each key once per object, got \"" + key + "\" again"});
    }
    top.last_key = key;
  }

  void element_done() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().next_index;
  }

  Problems* problems_;
  std::vector<Frame> frames_;
};

// The number at the start of `text`, or nullopt.
std::optional<unsigned long> leading_number(std::string_view text) {
  unsigned long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

// nlohmann's message ("[json.exception.parse_error.101] parse error at line L, column C: what")
// as a Problem at "line L, column C".
Problem syntax_problem(const nlohmann::json::parse_error& error) {
  const std::string_view what = error.what();
  constexpr std::string_view kLine = "at line ";
  constexpr std::string_view kColumn = ", column ";
  const std::size_t at = what.find(kLine);
  const std::size_t column_at = what.find(kColumn, at);
  const std::size_t colon = what.find(": ", column_at);
  if (at != std::string_view::npos && column_at != std::string_view::npos &&
      colon != std::string_view::npos) {
    const auto line = leading_number(what.substr(at + kLine.size()));
    const auto column = leading_number(what.substr(column_at + kColumn.size()));
    if (line && column) {
      return {"line " + std::to_string(*line) + ", column " + std::to_string(*column),
              "expected valid JSON, got " + std::string(what.substr(colon + 2))};
    }
  }
  return {"byte " + std::to_string(error.byte), "expected valid JSON, got " + std::string(what)};
}

}  // namespace

ParsedJson parse_strict_json(std::string_view text) {
  ParsedJson out;
  Problems duplicates;
  DuplicateFinder finder(&duplicates);
  try {
    out.value = nlohmann::json::parse(
        text.begin(), text.end(),
        [&finder](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          return finder.on_event(event, parsed);
        });
    out.syntax_ok = true;
    out.problems = std::move(duplicates);
  } catch (const nlohmann::json::parse_error& error) {
    out.problems.push_back(syntax_problem(error));
  }
  return out;
}

}  // namespace sliversim::scenario
