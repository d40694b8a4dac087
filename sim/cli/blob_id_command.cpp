// sliversim blob-id --shards N FILE [--json] [--threads T]: the Walrus blob ID of a file.
#include "sim/cli/blob_input.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"

namespace sliversim::cli {

int cmd_blob_id(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim blob-id --shards N FILE [--json]");
  opts.add_options()("help,h", "show this help")(
      "json", "print a JSON object with the blob ID, sizes and metadata root");
  const std::optional<BlobCommand> blob =
      parse_blob_command(args, opts, "hashing threads, 0 = all cores (default 0)", out);
  if (!blob) return kExitOk;
  if (blob->options.count("json") != 0U) {
    out << blob_summary_json(blob->encoded).dump(2) << "\n";
  } else {
    out << blob->encoded.blob_id.to_base64url() << "\n";
  }
  return kExitOk;
}

}  // namespace sliversim::cli
