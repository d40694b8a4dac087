// sliversim scenario-doc [--write FILE | --check FILE | --library DIR]: the generated parts of
// scenarios/README.md. Without options the key reference (generated from the schema) is printed;
// --library prints the library table of a scenarios folder (generated from its files'
// descriptions); --write replaces both generated parts of FILE (between their markers; the
// library comes from FILE's folder); --check exits 1 when either part is out of date.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/scenario/library_doc.hpp"
#include "sim/scenario/schema_doc.hpp"

namespace sliversim::cli {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError(path + ": expected a readable file, got one that cannot be opened");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One generated part of the README: its markers, what it is called and its current text.
struct Section {
  std::string_view begin;
  std::string_view end;
  std::string_view name;
  std::string generated;
};

std::string missing_markers(const std::string& path, const Section& s) {
  return path + ": expected the " + std::string(s.name) + " markers (" + std::string(s.begin) +
         " ... " + std::string(s.end) + "), got none";
}

// The library table of `folder`; its files' problems are bad input.
std::string library_of(const std::filesystem::path& folder) {
  std::vector<std::string> problems;
  const auto entries = scenario::library_entries(folder, &problems);
  if (!problems.empty()) {
    for (std::string& p : problems) p = (folder / p).string();
    throw CliError(kExitBadInput, problems);
  }
  return scenario::library_table(entries);
}

// Both generated parts for the README at `path` (the library from its folder).
std::vector<Section> sections_for(const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  return {{scenario::kGeneratedBegin, scenario::kGeneratedEnd, "generated-reference",
           scenario::scenario_reference()},
          {scenario::kLibraryBegin, scenario::kLibraryEnd, "generated-library",
           library_of(folder.empty() ? std::filesystem::path(".") : folder)}};
}

int check(const std::string& path, std::ostream& out) {
  const std::string readme = read_text(path);
  for (const Section& s : sections_for(path)) {
    const auto current = scenario::generated_section(readme, s.begin, s.end);
    if (!current) throw CliError(missing_markers(path, s));
    if (*current != s.generated) {
      throw CliError(kExitRegression, {path + ": expected the " + std::string(s.name) +
                                       " part as generated, got a stale copy (run: sliversim "
                                       "scenario-doc --write " +
                                       path + ")"});
    }
  }
  out << path << ": up to date\n";
  return kExitOk;
}

int write(const std::string& path, std::ostream& out) {
  std::string readme = read_text(path);
  for (const Section& s : sections_for(path)) {
    const auto updated = scenario::with_generated_section(readme, s.generated, s.begin, s.end);
    if (!updated) throw CliError(missing_markers(path, s));
    readme = *updated;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!(file << readme)) throw CliError(path + ": expected a writable file, got a write error");
  out << path << ": key reference and library written\n";
  return kExitOk;
}

}  // namespace

int cmd_scenario_doc(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim scenario-doc [options]");
  opts.add_options()("help,h", "show this help")("write", po::value<std::string>(),
                                                 "rewrite the generated parts of this file")(
      "check", po::value<std::string>(), "exit 1 when a generated part of this file is stale")(
      "library", po::value<std::string>(), "print the library table of this scenarios folder");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return kExitOk;
  }
  if (vm.count("check") != 0U) return check(vm["check"].as<std::string>(), out);
  if (vm.count("write") != 0U) return write(vm["write"].as<std::string>(), out);
  if (vm.count("library") != 0U) {
    out << library_of(vm["library"].as<std::string>());
    return kExitOk;
  }
  out << scenario::scenario_reference();
  return kExitOk;
}

}  // namespace sliversim::cli
