// The sliversim subcommands. Each takes the arguments after its name, writes its normal output to
// `out`, and returns the process exit code. Failures are reported by throwing CliError; only
// main.cpp prints errors.
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace sliversim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRegression = 1;  // a comparison found a regression, or an internal error
inline constexpr int kExitBadInput = 2;    // bad arguments, files or scenarios; nothing was run

// A failure to report: each line is printed as "error: <line>" on stderr.
class CliError : public std::runtime_error {
 public:
  CliError(int exit_code, std::vector<std::string> lines)
      : std::runtime_error(lines.empty() ? std::string("error") : lines.front()),
        exit_code_(exit_code),
        lines_(std::move(lines)) {}
  explicit CliError(std::string line) : CliError(kExitBadInput, {std::move(line)}) {}
  int exit_code() const { return exit_code_; }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  int exit_code_;
  std::vector<std::string> lines_;
};

using Args = std::vector<std::string>;

// sliversim version: tool version, git revision, compiler, build type.
int cmd_version(const Args& args, std::ostream& out);

// sliversim blob-id --shards N FILE [--json] [--threads T]: the Walrus blob ID of a file.
int cmd_blob_id(const Args& args, std::ostream& out);

// sliversim encode --shards N FILE --out DIR [--threads T]: every sliver and the metadata.
int cmd_encode(const Args& args, std::ostream& out);

// sliversim run SCENARIO [--seed N] [--set /json/pointer=value]... [--out FILE]
// [--events FILE.jsonl] [--threads N] [--quiet]: simulate a scenario and write its results.
int cmd_run(const Args& args, std::ostream& out);

// sliversim validate SCENARIO... [--set /json/pointer=value]...: check scenario files.
int cmd_validate(const Args& args, std::ostream& out);

// sliversim scenario-doc [--write FILE | --check FILE]: the scenario key reference.
int cmd_scenario_doc(const Args& args, std::ostream& out);

// sliversim compare BASELINE.json CANDIDATE.json [--rel-tol X] [--abs-tol Y] [--metric PATH]...
// [--per-epoch] [--strict] [--all] [--allow-different-scenario] [--json FILE]: the regression
// gate; returns kExitRegression when a metric worsened beyond tolerance.
int cmd_compare(const Args& args, std::ostream& out);

// sliversim theory mttdl --n N --k K --lambda L --mu M [--policy one-at-a-time|independent]
// [--replications R] [--seed S] [--json]: the MTTDL of an (n, k) MDS code, exact (Markov chain)
// and simulated on the kernel (mean and 95 % confidence interval).
int cmd_theory(const Args& args, std::ostream& out);

// sliversim sweep SWEEP.json --out-dir DIR [--shard I/N] [--threads N] [--quiet] [--dry-run]:
// validate every point of a sweep, then run the shard's points into DIR/point-NNNNN.json.
int cmd_sweep(const Args& args, std::ostream& out);

// sliversim merge DIR --out TABLE.csv [--json FILE] [--metric PATH]... [--allow-missing]: the
// sweep's points aggregated across seeds (mean, stdev, 95 % confidence interval).
int cmd_merge(const Args& args, std::ostream& out);

}  // namespace sliversim::cli
