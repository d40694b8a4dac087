// Boost.Program_options for the subcommands, and the parse every subcommand with positional
// arguments shares: the visible options, plus a hidden option collecting every positional
// argument, with --help printing the visible options.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

// GCC 12 reports a false "potential null pointer dereference" inside Boost.Program_options'
// typed_value templates; it is silenced for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop

#include "sim/cli/commands.hpp"

namespace sliversim::cli {

// Parses `args` against `visible` and a hidden option `positional_name` that takes every
// positional argument. Returns nullopt after printing `visible` to `out` when --help is given.
// Throws boost::program_options::error on unknown or malformed options (exit 2 in main). Does not
// call notify: required options are checked by the caller, after --help.
std::optional<boost::program_options::variables_map> parse_with_positionals(
    const Args& args, const boost::program_options::options_description& visible,
    const char* positional_name, std::ostream& out);

// The positional arguments parse_with_positionals collected under `name` (empty when none).
std::vector<std::string> positionals(const boost::program_options::variables_map& vm,
                                     const char* name);

}  // namespace sliversim::cli
