// sliversim's command line: dispatches subcommands, maps failures to exit codes (0 ok,
// 1 regression or internal error, 2 bad input) and is the one place that prints errors.
#include <algorithm>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <boost/program_options/errors.hpp>

#include "sim/cli/commands.hpp"

namespace {

using sliversim::cli::Args;
using Command = std::function<int(const Args&, std::ostream&)>;

struct Entry {
  Command run;
  const char* summary;
};

const std::map<std::string, Entry>& commands() {
  static const std::map<std::string, Entry> table = {
      {"blob-id", {sliversim::cli::cmd_blob_id, "print the Walrus blob ID of a file"}},
      {"compare",
       {sliversim::cli::cmd_compare, "compare two results files; exit 1 on a regression"}},
      {"encode", {sliversim::cli::cmd_encode, "write the slivers and metadata of a file"}},
      {"merge", {sliversim::cli::cmd_merge, "merge a sweep's point files into a table"}},
      {"run", {sliversim::cli::cmd_run, "simulate a scenario and write its results"}},
      {"scenario-doc",
       {sliversim::cli::cmd_scenario_doc, "print or update the scenario key reference"}},
      {"sweep", {sliversim::cli::cmd_sweep, "run a sweep's points (or one shard of them)"}},
      {"theory",
       {sliversim::cli::cmd_theory,
        "closed forms: the MTTDL of an (n, k) code, exact and simulated"}},
      {"validate", {sliversim::cli::cmd_validate, "check scenario files; run nothing"}},
      {"version", {sliversim::cli::cmd_version, "print the tool version and build provenance"}},
  };
  return table;
}

void print_usage(std::ostream& os) {
  os << "usage: sliversim COMMAND [ARGS...]   (sliversim COMMAND --help for its options)\n\n"
        "commands:\n";
  std::size_t width = 0;
  for (const auto& [name, entry] : commands()) width = std::max(width, name.size());
  for (const auto& [name, entry] : commands()) {
    os << "  " << name << std::string(width - name.size() + 2, ' ') << entry.summary << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string command;  // the subcommand being run, once known
  try {
    if (argc < 2) {
      print_usage(std::cerr);
      return sliversim::cli::kExitBadInput;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
      print_usage(std::cout);
      return sliversim::cli::kExitOk;
    }
    const auto it = commands().find(name);
    if (it == commands().end()) {
      std::cerr << "error: unknown command '" << name << "'\n";
      print_usage(std::cerr);
      return sliversim::cli::kExitBadInput;
    }
    command = name;
    const Args args(argv + 2, argv + argc);
    return it->second.run(args, std::cout);
  } catch (const sliversim::cli::CliError& e) {
    for (const auto& line : e.lines()) std::cerr << "error: " << line << "\n";
    return e.exit_code();
  } catch (const boost::program_options::error& e) {
    // Boost's messages say what was wrong; the command and where to look are added.
    std::cerr << "error: " << command << ": " << e.what() << " (expected the arguments of '"
              << "sliversim " << command << " --help')\n";
    return sliversim::cli::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << "\n";
    return sliversim::cli::kExitRegression;
  } catch (...) {
    std::cerr << "error: internal: unknown exception\n";
    return sliversim::cli::kExitRegression;
  }
}
