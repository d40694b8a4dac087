// sliversim theory mttdl --n N --k K --lambda L --mu M [--policy P] [--replications R] [--seed S]
// [--json]: the mean time to data loss of an (n, k) MDS code, exact from its birth–death Markov
// chain and estimated by simulating the same system on the kernel (sim/theory/).
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/theory/markov_mttdl.hpp"
#include "sim/theory/mttdl_simulation.hpp"

namespace sliversim::cli {

namespace {

// Simulations estimated to need more kernel events than this are skipped, with a note.
constexpr double kMaxEvents = 2e8;

std::uint64_t parse_count(const std::string& text, const char* option, std::uint64_t hi) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > hi) {
    throw CliError("theory mttdl: " + std::string(option) + ": expected an integer in [0, " +
                   std::to_string(hi) + "], got \"" + text + "\"");
  }
  return value;
}

double parse_rate(const std::string& text, const char* option) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    throw CliError("theory mttdl: " + std::string(option) + ": expected a number, got \"" + text +
                   "\"");
  }
  return value;
}

theory::RepairPolicy parse_policy(const std::string& text) {
  if (text == "one-at-a-time") return theory::RepairPolicy::kOneAtATime;
  if (text == "independent") return theory::RepairPolicy::kIndependent;
  throw CliError("theory mttdl: --policy: expected \"one-at-a-time\" or \"independent\", got \"" +
                 text + "\"");
}

std::string number(double value) {
  std::ostringstream os;
  os.precision(6);
  os << value;
  return os.str();
}

// A check_system problem ("failure rate: expected ...") with the option's name in front.
std::string option_of(const std::string& problem) {
  for (const auto& [field, option] :
       {std::pair<std::string, std::string>{"failure rate", "lambda"}, {"repair rate", "mu"}}) {
    if (problem.rfind(field + ":", 0) == 0) return option + problem.substr(field.size());
  }
  return problem;
}

struct MttdlRequest {
  theory::MdsSystem system;
  std::uint32_t replications = 0;
  std::uint64_t seed = 1;
  bool json = false;
};

boost::program_options::options_description mttdl_options() {
  namespace po = boost::program_options;
  po::options_description opts(
      "sliversim theory mttdl --n N --k K --lambda L --mu M [options]\n"
      "the MTTDL of an (n, k) MDS code: exact (Markov chain) and simulated (kernel)");
  opts.add_options()("help,h", "show this help")("n", po::value<std::string>()->required(),
                                                 "pieces")(
      "k", po::value<std::string>()->required(), "pieces any k of which recover the data")(
      "lambda", po::value<std::string>()->required(), "failure rate of each live piece")(
      "mu", po::value<std::string>()->required(), "repair rate (the MTTDL is in 1 / its unit)")(
      "policy", po::value<std::string>()->default_value("one-at-a-time"),
      "repairs: one-at-a-time (rate mu) or independent (each failed piece at rate mu)")(
      "replications", po::value<std::string>()->default_value("10000"),
      "simulated replications (0: Markov chain only)")(
      "seed", po::value<std::string>()->default_value("1"), "seed of the simulation's streams")(
      "json", "print a JSON object");
  return opts;
}

// The request of parsed options; every problem of the system is bad input.
MttdlRequest request_of(const boost::program_options::variables_map& vm) {
  MttdlRequest r;
  constexpr std::uint64_t kMaxU32 = std::numeric_limits<std::uint32_t>::max();
  r.system.n = static_cast<std::uint32_t>(parse_count(vm["n"].as<std::string>(), "--n", kMaxU32));
  r.system.k = static_cast<std::uint32_t>(parse_count(vm["k"].as<std::string>(), "--k", kMaxU32));
  r.system.failure_rate = parse_rate(vm["lambda"].as<std::string>(), "--lambda");
  r.system.repair_rate = parse_rate(vm["mu"].as<std::string>(), "--mu");
  r.system.policy = parse_policy(vm["policy"].as<std::string>());
  r.replications = static_cast<std::uint32_t>(
      parse_count(vm["replications"].as<std::string>(), "--replications", 10'000'000));
  r.seed = parse_count(vm["seed"].as<std::string>(), "--seed",
                       std::numeric_limits<std::uint64_t>::max());
  r.json = vm.count("json") != 0U;
  std::vector<std::string> problems = theory::check_system(r.system);
  if (r.replications == 1) problems.push_back("replications: expected 0 or at least 2, got 1");
  if (!problems.empty()) {
    for (std::string& p : problems) p = "theory mttdl: --" + option_of(p);
    throw CliError(kExitBadInput, problems);
  }
  return r;
}

// The request, or nullopt after printing the help.
std::optional<MttdlRequest> parse_mttdl(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  const po::options_description opts = mttdl_options();
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return std::nullopt;
  }
  po::notify(vm);
  return request_of(vm);
}

// The simulation, or nullopt when skipped (no replications, or too many events: *note says why).
std::optional<theory::MttdlSimulation> simulate(const MttdlRequest& r, std::string* note) {
  if (r.replications == 0) {
    *note = "not run (--replications 0)";
    return std::nullopt;
  }
  const double events = theory::expected_transitions(r.system) * r.replications;
  if (events > kMaxEvents) {
    *note = "skipped: about " + number(events) + " events (more than " + number(kMaxEvents) +
            "); lower --replications or the mu/lambda ratio";
    return std::nullopt;
  }
  return theory::simulate_mttdl(r.system, {r.replications, r.seed, kMaxEvents});
}

nlohmann::json to_json(const MttdlRequest& r, double exact,
                       const std::optional<theory::MttdlSimulation>& sim, const std::string& note) {
  nlohmann::json j = {{"n", r.system.n},
                      {"k", r.system.k},
                      {"failure_rate", r.system.failure_rate},
                      {"repair_rate", r.system.repair_rate},
                      {"policy", theory::policy_name(r.system.policy)},
                      {"markov_mttdl", exact},
                      {"expected_transitions", theory::expected_transitions(r.system)},
                      {"simulation", nullptr}};
  if (sim) {
    const theory::MeanEstimate& e = sim->estimate;
    j["simulation"] = {{"replications", e.count}, {"seed", r.seed},
                       {"mean", e.mean},          {"stdev", e.stdev},
                       {"ci95_low", e.ci95_low},  {"ci95_high", e.ci95_high},
                       {"events", sim->events},   {"covers_markov", e.covers(exact)}};
  } else {
    j["simulation_note"] = note;
  }
  return j;
}

int cmd_mttdl(const Args& args, std::ostream& out) {
  const std::optional<MttdlRequest> r = parse_mttdl(args, out);
  if (!r) return kExitOk;
  const double exact = theory::markov_mttdl(r->system);
  std::string note;
  const std::optional<theory::MttdlSimulation> sim = simulate(*r, &note);
  if (r->json) {
    out << to_json(*r, exact, sim, note).dump(2) << "\n";
    return kExitOk;
  }
  out << "(n, k) = (" << r->system.n << ", " << r->system.k
      << "), lambda = " << number(r->system.failure_rate)
      << ", mu = " << number(r->system.repair_rate) << ", repairs "
      << theory::policy_name(r->system.policy) << "\n"
      << "Markov chain: MTTDL = " << number(exact) << " (exact; "
      << number(theory::expected_transitions(r->system)) << " transitions on average)\n";
  if (!sim) {
    out << "simulation: " << note << "\n";
    return kExitOk;
  }
  const theory::MeanEstimate& e = sim->estimate;
  out << "simulation: " << e.count << " replications (seed " << r->seed << "), mean "
      << number(e.mean) << ", 95% CI [" << number(e.ci95_low) << ", " << number(e.ci95_high)
      << "], " << sim->events << " events: the Markov MTTDL lies "
      << (e.covers(exact) ? "inside" : "OUTSIDE") << " the interval\n";
  return kExitOk;
}

}  // namespace

int cmd_theory(const Args& args, std::ostream& out) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    out << "usage: sliversim theory mttdl --n N --k K --lambda L --mu M [options]\n"
           "  mttdl  the mean time to data loss of an (n, k) MDS code, exact and simulated\n";
    return kExitOk;
  }
  if (!args.empty() && args[0] == "mttdl")
    return cmd_mttdl(Args(args.begin() + 1, args.end()), out);
  throw CliError("theory: expected the subcommand \"mttdl\", got " +
                 (args.empty() ? std::string("none") : "\"" + args[0] + "\""));
}

}  // namespace sliversim::cli
