// sliversim scenario-doc [--write FILE | --check FILE]: the scenario key reference generated from
// the schema. Without options it is printed; --write replaces the generated part of FILE (between
// its markers, normally scenarios/README.md); --check exits 1 when that part is out of date.
#include <fstream>
#include <sstream>

// GCC 12 reports a false "potential null pointer dereference" inside Boost.Program_options'
// typed_value templates; it is silenced for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop

#include "sim/cli/commands.hpp"
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

std::string missing_markers(const std::string& path) {
  return path + ": expected the generated-reference markers (" +
         std::string(scenario::kGeneratedBegin) + " ... " + std::string(scenario::kGeneratedEnd) +
         "), got none";
}

}  // namespace

int cmd_scenario_doc(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim scenario-doc [options]");
  opts.add_options()("help,h", "show this help")("write", po::value<std::string>(),
                                                 "rewrite the generated part of this file")(
      "check", po::value<std::string>(), "exit 1 when the generated part of this file is stale");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return kExitOk;
  }
  const std::string generated = scenario::scenario_reference();
  if (vm.count("check") != 0U) {
    const std::string path = vm["check"].as<std::string>();
    const auto current = scenario::generated_section(read_text(path));
    if (!current) throw CliError(missing_markers(path));
    if (*current != generated) {
      throw CliError(kExitRegression,
                     {path +
                      ": expected the key reference generated from the schema, got a "
                      "stale copy (run: sliversim scenario-doc --write " +
                      path + ")"});
    }
    out << path << ": up to date\n";
    return kExitOk;
  }
  if (vm.count("write") == 0U) {
    out << generated;
    return kExitOk;
  }
  const std::string path = vm["write"].as<std::string>();
  const auto updated = scenario::with_generated_section(read_text(path), generated);
  if (!updated) throw CliError(missing_markers(path));
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!(file << *updated)) throw CliError(path + ": expected a writable file, got a write error");
  out << path << ": key reference written\n";
  return kExitOk;
}

}  // namespace sliversim::cli
