// Tests of the generated key reference, including that scenarios/README.md carries the current one.
#include "sim/scenario/schema_doc.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "sim/scenario/scenario_schema.hpp"

namespace sliversim::scenario {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every key of `spec` (recursively) appears as a table row somewhere in `doc`.
void check_every_key_documented(const Spec& spec, const std::string& doc) {
  const auto check_fields = [&doc](const std::vector<Field>& fields) {
    for (const auto& f : fields) {
      INFO("key ", f.key);
      CHECK(doc.find("| `" + f.key + "` |") != std::string::npos);
      CHECK_FALSE(f.spec->doc.empty());
      if (f.spec->kind == SpecKind::kObject || f.spec->kind == SpecKind::kVariant) {
        if (f.spec->discriminator != "dist") check_every_key_documented(*f.spec, doc);
      }
      if (f.spec->kind == SpecKind::kArray && f.spec->element->kind == SpecKind::kObject) {
        check_every_key_documented(*f.spec->element, doc);
      }
    }
  };
  check_fields(spec.fields);
  for (const auto& v : spec.variants) check_fields(v.fields);
}

}  // namespace

TEST_CASE("scenarios/README.md carries the key reference generated from the schema") {
  const std::string path = std::string(SLIVERSIM_SOURCE_DIR) + "/scenarios/README.md";
  const auto section = generated_section(read_file(path));
  REQUIRE_MESSAGE(section.has_value(), path, " lacks the generated-reference markers");
  CHECK_MESSAGE(*section == scenario_reference(), path,
                " is out of date: run `sliversim scenario-doc --write scenarios/README.md`");
}

TEST_CASE("the reference documents every key of the schema with a doc line") {
  check_every_key_documented(scenario_spec().spec(), scenario_reference());
}

TEST_CASE("the reference shows types, units, defaults and ranges") {
  const std::string doc = scenario_reference();
  CHECK(doc.find("| `duration_days` | number | days | `365` | in (0, 36500] | simulated time |") !=
        std::string::npos);
  CHECK(doc.find("| `n` | integer | shards | `1000` | in [4, 8192] |") != std::string::npos);
  CHECK(doc.find("| `lifetime_days` | distribution | days | required | `exponential` "
                 "(`mean_days`); `weibull` (`shape`, `scale_days`) |") != std::string::npos);
  CHECK(doc.find("#### `/nodes/classes/*/churn/joins`") != std::string::npos);
  CHECK(doc.find("With `source`: `\"file\"`") != std::string::npos);
}

TEST_CASE("the generated section is found and replaced between its markers only") {
  const std::string readme = "intro\n" + std::string(kGeneratedBegin) + "\nold\n" +
                             std::string(kGeneratedEnd) + "\noutro\n";
  CHECK(generated_section(readme) == "old\n");
  CHECK(with_generated_section(readme, "new\n") == "intro\n" + std::string(kGeneratedBegin) +
                                                       "\nnew\n" + std::string(kGeneratedEnd) +
                                                       "\noutro\n");
  CHECK_FALSE(generated_section("no markers").has_value());
  CHECK_FALSE(with_generated_section(
                  std::string(kGeneratedEnd) + "\n" + std::string(kGeneratedBegin) + "\n", "x")
                  .has_value());
}

}  // namespace sliversim::scenario
