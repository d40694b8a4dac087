// The "Library" table of scenarios/README.md, generated from the scenario and sweep files
// themselves so it cannot drift: one row per top-level *.json of the scenarios folder (sorted by
// name) with the question its `description` asks and the result it expects. Convention: a
// description states the question (and the setup), then the expected result after a marker
// "Expected:" (or "Expected result:" / "Expect:"), with rough measured figures.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sliversim::scenario {

// The marker lines around the generated library table in scenarios/README.md.
inline constexpr std::string_view kLibraryBegin =
    "<!-- BEGIN GENERATED LIBRARY: `sliversim scenario-doc --write scenarios/README.md` "
    "rewrites this part from the files' descriptions; do not edit it by hand -->";
inline constexpr std::string_view kLibraryEnd = "<!-- END GENERATED LIBRARY -->";

// One file of the library.
struct LibraryEntry {
  std::string file;      // name within the folder, e.g. "quickstart.json"
  bool sweep = false;    // a sweep file (it has a top-level "sweep" key)
  std::string question;  // the description up to the expected-result marker, trimmed
  std::string expected;  // the text after the marker, trimmed; empty when there is none
};

// Splits a description into question and expected result at the first marker ("Expected
// result:", "Expected:" or "Expect:", whichever comes first); without one the whole text is the
// question.
LibraryEntry split_description(std::string_view description);

// The entries of every *.json directly in `folder` (not in subfolders), sorted by file name. A
// file that cannot be read, is not a JSON object or lacks a string `description` adds a line
// "FILE: expected ..., got ..." to *problems (and no entry). REQUIRES: problems != nullptr.
std::vector<LibraryEntry> library_entries(const std::filesystem::path& folder,
                                          std::vector<std::string>* problems);

// The Markdown table (file, kind, question, expected result) of `entries`, in their order.
std::string library_table(const std::vector<LibraryEntry>& entries);

}  // namespace sliversim::scenario
