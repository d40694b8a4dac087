// Library table generation (library_doc.hpp). Determinism: files sorted by name.
#include "sim/scenario/library_doc.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <system_error>

#include "sim/scenario/problem.hpp"
#include "sim/scenario/strict_json.hpp"

namespace sliversim::scenario {

namespace {

constexpr std::array<std::string_view, 3> kMarkers = {"Expected result:", "Expected:", "Expect:"};

std::string trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\n");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// Text safe inside a Markdown table cell: pipes escaped, line breaks as spaces.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += (c == '\n' ? ' ' : c);
  }
  return out;
}

std::optional<LibraryEntry> read_entry(const std::filesystem::path& path,
                                       std::vector<std::string>* problems) {
  const std::string name = path.filename().string();
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    problems->push_back(name + ": expected a readable file, got one that cannot be read");
    return std::nullopt;
  }
  const ParsedJson parsed = parse_strict_json(text.str());
  if (!parsed.syntax_ok || !parsed.value.is_object()) {
    problems->push_back(name + ": expected a JSON object, got " +
                        (parsed.syntax_ok ? describe_value(parsed.value) : "a syntax error"));
    return std::nullopt;
  }
  const auto description = parsed.value.find("description");
  if (description == parsed.value.end() || !description->is_string()) {
    problems->push_back(
        name +
        ": /description: expected a string stating the question and the "
        "expected result, got " +
        (description == parsed.value.end() ? std::string("none") : describe_value(*description)));
    return std::nullopt;
  }
  LibraryEntry entry = split_description(description->get<std::string>());
  entry.file = name;
  entry.sweep = parsed.value.contains("sweep");
  return entry;
}

}  // namespace

LibraryEntry split_description(std::string_view description) {
  std::size_t at = std::string_view::npos;
  std::size_t length = 0;
  for (const std::string_view marker : kMarkers) {
    const std::size_t found = description.find(marker);
    if (found < at) {
      at = found;
      length = marker.size();
    }
  }
  LibraryEntry entry;
  entry.question = trimmed(description.substr(0, at));
  if (at != std::string_view::npos) entry.expected = trimmed(description.substr(at + length));
  return entry;
}

std::vector<LibraryEntry> library_entries(const std::filesystem::path& folder,
                                          std::vector<std::string>* problems) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(folder, error)) {
    if (item.is_regular_file() && item.path().extension() == ".json") files.push_back(item.path());
  }
  if (error) {
    problems->push_back(folder.string() + ": expected a readable folder, got " + error.message());
    return {};
  }
  std::sort(files.begin(), files.end());
  std::vector<LibraryEntry> entries;
  for (const auto& path : files) {
    if (auto entry = read_entry(path, problems)) entries.push_back(std::move(*entry));
  }
  return entries;
}

std::string library_table(const std::vector<LibraryEntry>& entries) {
  std::ostringstream os;
  os << "\n| file | kind | question (and setup) | expected result |\n|---|---|---|---|\n";
  for (const LibraryEntry& e : entries) {
    os << "| `" << cell(e.file) << "` | " << (e.sweep ? "sweep" : "scenario") << " | "
       << cell(e.question) << " | " << (e.expected.empty() ? "—" : cell(e.expected)) << " |\n";
  }
  os << "\n";
  return os.str();
}

}  // namespace sliversim::scenario
