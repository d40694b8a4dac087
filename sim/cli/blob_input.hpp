// Input handling shared by the blob commands (blob-id, encode): the --shards value and the blob
// file, each validated into a CliError that names what was given and what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/blob_metadata.hpp"
#include "codec/redstuff_params.hpp"
#include "sim/cli/program_options.hpp"

namespace sliversim::cli {

// The RedStuff parameters for a --shards value. Throws CliError (exit 2) unless `text` is a
// decimal integer n with RedStuffParams::check(n) == kOk.
codec::RedStuffParams parse_shards(const std::string& text);

// The bytes of the file at `path`. Throws CliError (exit 2) naming the file when it is missing,
// not a regular file, unreadable, or larger than the maximum blob for `params`.
std::vector<std::uint8_t> read_blob_file(const std::string& path,
                                         const codec::RedStuffParams& params);

// A parsed --threads value: 0 (all cores) or a positive count. Throws CliError (exit 2)
// otherwise.
std::size_t parse_threads(const std::string& text);

// Validates --shards, --threads and the blob file, reads the file and encodes it with RedStuff.
// Throws CliError (exit 2) naming the input at fault; `file` is named on an encoding failure.
codec::EncodedBlob encode_blob_input(const std::string& shards, const std::string& threads,
                                     const std::string& file);

// A blob command's options and its encoded blob.
struct BlobCommand {
  boost::program_options::variables_map options;
  codec::EncodedBlob encoded;
};

// The blob commands' parse: adds --shards, --threads (described by `threads_help`) and the blob
// FILE (positional) to `opts`, parses `args` and encodes the file (encode_blob_input). Returns
// nullopt after printing the options to `out` for --help. Throws boost::program_options::error
// (exit 2) on unknown, malformed or missing options, and CliError (exit 2) on bad values.
std::optional<BlobCommand> parse_blob_command(const Args& args,
                                              boost::program_options::options_description& opts,
                                              const char* threads_help, std::ostream& out);

// The blob-id JSON object: blob_id, blob_id_hex, unencoded_length, symbol_size, n_shards,
// primary_symbols (k_p), secondary_symbols (k_s), max_faulty, metadata_root_hex, sliver sizes.
nlohmann::json blob_summary_json(const codec::EncodedBlob& encoded);

}  // namespace sliversim::cli
