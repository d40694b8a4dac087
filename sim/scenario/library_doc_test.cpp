// Tests of the generated library table, including that scenarios/README.md carries the current one
// and that every file of the library states its question and the result to expect.
#include "sim/scenario/library_doc.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "sim/scenario/schema_doc.hpp"

namespace sliversim::scenario {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const fs::path kScenarios = fs::path(SLIVERSIM_SOURCE_DIR) / "scenarios";

}  // namespace

TEST_CASE("a description splits at its first expected-result marker") {
  const LibraryEntry e = split_description(
      "  What does X cost? 10 nodes. Expected: about 3x more; Expected: not split twice. ");
  CHECK(e.question == "What does X cost? 10 nodes.");
  CHECK(e.expected == "about 3x more; Expected: not split twice.");
  CHECK(split_description("Q? Expected result: R.").expected == "R.");
  CHECK(split_description("Q? Expect: R.").question == "Q?");
  const LibraryEntry none = split_description("Only a question?");
  CHECK(none.question == "Only a question?");
  CHECK(none.expected.empty());
}

TEST_CASE("entries come from the folder's own *.json files, sorted, with their problems") {
  const fs::path dir =
      fs::temp_directory_path() / ("sliversim_library_test_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.json") << R"({"description": "B? Expected: b | c."})";
  std::ofstream(dir / "a.json") << R"({"description": "A?", "sweep": {}})";
  std::ofstream(dir / "sub" / "c.json") << R"({"description": "ignored"})";
  std::ofstream(dir / "notes.txt") << "ignored";
  std::ofstream(dir / "broken.json") << "{";
  std::ofstream(dir / "silent.json") << R"({"run": {}})";
  std::vector<std::string> problems;
  const std::vector<LibraryEntry> entries = library_entries(dir, &problems);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].file == "a.json");
  CHECK(entries[0].sweep);
  CHECK(entries[1].file == "b.json");
  CHECK_FALSE(entries[1].sweep);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "broken.json: expected a JSON object, got a syntax error");
  CHECK(problems[1] ==
        "silent.json: /description: expected a string stating the question and the expected "
        "result, got none");
  CHECK(library_table(entries) ==
        "\n| file | kind | question (and setup) | expected result |\n|---|---|---|---|\n"
        "| `a.json` | sweep | A? | — |\n"
        "| `b.json` | scenario | B? | b \\| c. |\n\n");
  fs::remove_all(dir);
}

TEST_CASE("scenarios/README.md carries the library table generated from the scenario files") {
  std::vector<std::string> problems;
  const std::vector<LibraryEntry> entries = library_entries(kScenarios, &problems);
  CHECK(problems.empty());
  const auto section =
      generated_section(read_file(kScenarios / "README.md"), kLibraryBegin, kLibraryEnd);
  REQUIRE_MESSAGE(section.has_value(), "scenarios/README.md lacks the generated-library markers");
  CHECK_MESSAGE(*section == library_table(entries),
                "scenarios/README.md is out of date: run `sliversim scenario-doc --write "
                "scenarios/README.md`");
}

TEST_CASE("every file of the library states its question and the result to expect") {
  std::vector<std::string> problems;
  const std::vector<LibraryEntry> entries = library_entries(kScenarios, &problems);
  CHECK(entries.size() >= 11);
  for (const LibraryEntry& e : entries) {
    INFO(e.file);
    CHECK(e.question.size() >= 20);
    CHECK(e.expected.size() >= 20);
  }
}

}  // namespace sliversim::scenario
