// Reading the two results files `sliversim compare` is given, and deciding whether they can be
// compared at all: both must parse as strict JSON, look like sliversim results files (an object
// with an integer schema_version, a scenario with its sha256, and a schemes object; a `tool`, when
// present, named "sliversim") and share the schema_version. They must also come from the same run
// setup (scenario sha256, resolved scenario and seed) unless the caller allows otherwise; keys
// only the candidate's resolved scenario has are additive and accepted with a note.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::compare {

// Input that cannot be compared. Each line is one complete message naming the file(s) involved.
class UnusableInput : public std::runtime_error {
 public:
  explicit UnusableInput(std::vector<std::string> lines)
      : std::runtime_error(lines.empty() ? std::string("unusable input") : lines.front()),
        lines_(std::move(lines)) {}
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

// A parsed results file and the name it is reported under (its path as given).
struct ResultsFile {
  std::string name;
  nlohmann::json value;
};

// Reads and parses the results file at `path`. Throws UnusableInput naming the file when it
// cannot be read, is not JSON ("FILE: line L, column C: expected valid JSON, got ..."), repeats
// a key, or is not a sliversim results file.
ResultsFile load_results_file(const std::string& path);

// As load_results_file, for a document already in memory named `name`.
ResultsFile parse_results_text(const std::string& name, const std::string& text);

// Checks that `baseline` and `candidate` can be compared. Throws UnusableInput (one line per
// difference, naming both files) when their schema_version differ, or, unless
// `allow_different_scenario`, when their scenario sha256, resolved scenario or seed differ.
// Returns informational notes: differences that were allowed, resolved keys only the candidate
// has, and a changed trace_digest.
std::vector<std::string> check_comparable(const ResultsFile& baseline, const ResultsFile& candidate,
                                          bool allow_different_scenario);

}  // namespace sliversim::compare
