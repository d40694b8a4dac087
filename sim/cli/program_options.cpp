// The shared subcommand parse (see program_options.hpp).
#include "sim/cli/program_options.hpp"

namespace sliversim::cli {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_with_positionals(const Args& args,
                                                        const po::options_description& visible,
                                                        const char* positional_name,
                                                        std::ostream& out) {
  po::options_description hidden;
  hidden.add_options()(positional_name, po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add(positional_name, -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help") != 0U) {
    out << visible;
    return std::nullopt;
  }
  return vm;
}

std::vector<std::string> positionals(const po::variables_map& vm, const char* name) {
  return vm.count(name) != 0U ? vm[name].as<std::vector<std::string>>()
                              : std::vector<std::string>{};
}

}  // namespace sliversim::cli
