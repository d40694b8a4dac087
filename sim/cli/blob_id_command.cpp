// sliversim blob-id --shards N FILE [--json] [--threads T]: the Walrus blob ID of a file.
// GCC 12 at -O2/-O3 reports a false "potential null pointer dereference" inside Boost's
// typed_value<std::string>::notify; it is not ours to fix, so it is silenced for this header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic pop

#include "sim/cli/blob_input.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"

namespace sliversim::cli {

int cmd_blob_id(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim blob-id --shards N FILE [--json]");
  opts.add_options()("help,h", "show this help")("shards,n", po::value<std::string>()->required(),
                                                 "number of shards (4 to 49155; Walrus: 1000)")(
      "json", "print a JSON object with the blob ID, sizes and metadata root")(
      "threads", po::value<std::string>()->default_value("0"),
      "hashing threads, 0 = all cores (default 0)")("file", po::value<std::string>()->required(),
                                                    "the blob file");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).positional(positional).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return kExitOk;
  }
  po::notify(vm);
  const std::string file = vm["file"].as<std::string>();
  const codec::EncodedBlob encoded =
      encode_blob_input(vm["shards"].as<std::string>(), vm["threads"].as<std::string>(), file);
  if (vm.count("json") != 0U) {
    out << blob_summary_json(encoded).dump(2) << "\n";
  } else {
    out << encoded.blob_id.to_base64url() << "\n";
  }
  return kExitOk;
}

}  // namespace sliversim::cli
