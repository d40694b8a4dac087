// sliversim version.
#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/report/provenance.hpp"

namespace sliversim::cli {

int cmd_version(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim version");
  opts.add_options()("help,h", "show this help");
  po::variables_map vm;
  // No positional arguments: a stray one is refused (too many positional options).
  const po::positional_options_description none;
  po::store(po::command_line_parser(args).options(opts).positional(none).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return kExitOk;
  }
  const report::Provenance p = report::provenance();
  out << "sliversim " << p.version << " (git " << p.git << ", " << p.compiler << ", " << p.build
      << ")\n";
  return kExitOk;
}

}  // namespace sliversim::cli
