// Markdown generation from Specs. Determinism: schema order everywhere, so the output only
// changes when the schema does.
#include "sim/scenario/schema_doc.hpp"

#include <limits>
#include <sstream>
#include <utility>

#include "sim/scenario/distribution_spec.hpp"
#include "sim/scenario/scenario_schema.hpp"
#include "sim/scenario/topology_file.hpp"

namespace sliversim::scenario {

namespace {

bool is_distribution(const Spec& spec) {
  return spec.kind == SpecKind::kVariant && spec.discriminator == "dist";
}

bool has_section(const Spec& spec) {
  return (spec.kind == SpecKind::kObject || spec.kind == SpecKind::kVariant) &&
         !is_distribution(spec);
}

std::string cell(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string code(const std::string& text) { return "`" + text + "`"; }

std::string type_text(const Spec& spec, const std::string& ptr) {
  switch (spec.kind) {
    case SpecKind::kInteger:
      return "integer";
    case SpecKind::kNumber:
      return "number";
    case SpecKind::kBoolean:
      return "boolean";
    case SpecKind::kString:
      return "string";
    case SpecKind::kEnum:
      return "string (choice)";
    case SpecKind::kPath:
      return "string (file path)";
    case SpecKind::kArray:
      if (has_section(*spec.element)) return "array of objects, see " + code(ptr + "/*");
      return "array of " + type_text(*spec.element, ptr) + "s";
    case SpecKind::kObject:
    case SpecKind::kVariant:
      if (is_distribution(spec)) return "distribution";
      return std::string(spec.presence == Presence::kNullable ? "object or null" : "object") +
             ", see " + code(ptr);
  }
  return "";
}

std::string default_text(const Spec& spec) {
  switch (spec.presence) {
    case Presence::kRequired:
      return "required";
    case Presence::kNullable:
      return "`null` (off)";
    case Presence::kDerived:
      return spec.default_doc;
    case Presence::kDefaulted:
      return code(spec.default_value.dump());
  }
  return "";
}

std::string distribution_kinds_text(const Spec& spec) {
  std::string out;
  for (const auto& v : spec.variants) {
    if (!out.empty()) out += "; ";
    std::string keys;
    for (const auto& f : v.fields) keys += (keys.empty() ? "" : ", ") + code(f.key);
    out += code(v.name) + " (" + keys + ")";
  }
  return out;
}

std::string allowed_text(const Spec& spec) {
  switch (spec.kind) {
    case SpecKind::kInteger:
    case SpecKind::kNumber: {
      const std::string range = range_text(spec);
      return range.empty() ? range : range.substr(1);  // without its leading space
    }
    case SpecKind::kEnum:
      return quoted_list(spec.choices);
    case SpecKind::kBoolean:
      return "`true`, `false`";
    case SpecKind::kString:
      return spec.non_empty ? "non-empty" : "";
    case SpecKind::kPath:
      return "an existing file, relative to this file's folder";
    case SpecKind::kArray: {
      std::string out = expected_text(spec);      // "array", "array of 1 to 256 items", ...
      out = out.size() > 9 ? out.substr(9) : "";  // without "array of "
      const std::string each = allowed_text(*spec.element);
      if (!each.empty() && !has_section(*spec.element))
        out += (out.empty() ? "" : "; ") + ("each " + each);
      if (spec.unique_by == ".") out += (out.empty() ? "" : "; ") + std::string("no repeats");
      if (!spec.unique_by.empty() && spec.unique_by != ".") {
        out += (out.empty() ? "" : "; ") + code(spec.unique_by) + " unique";
      }
      return out;
    }
    case SpecKind::kObject:
    case SpecKind::kVariant:
      return is_distribution(spec) ? distribution_kinds_text(spec) : "";
  }
  return "";
}

class Writer {
 public:
  void section(const Spec& spec, const std::string& ptr, const std::string& title) {
    os_ << "#### " << code(ptr.empty() ? "/" : ptr) << " — " << title << "\n\n";
    table(spec.fields, ptr);
    for (const auto& v : spec.variants) {
      os_ << "With " << code(spec.discriminator) << ": " << code("\"" + v.name + "\"") << " — "
          << v.doc << "\n\n";
      table(v.fields, ptr);
    }
    children(spec.fields, ptr);
    for (const auto& v : spec.variants) children(v.fields, ptr);
  }

  std::string text() const { return os_.str(); }

 private:
  void table(const std::vector<Field>& fields, const std::string& ptr) {
    if (fields.empty()) return;
    os_ << "| key | type | unit | default | allowed | meaning |\n|---|---|---|---|---|---|\n";
    for (const auto& f : fields) {
      const Spec& s = *f.spec;
      const std::string child = ptr + "/" + f.key;
      os_ << "| " << code(f.key) << " | " << cell(type_text(s, child)) << " | " << cell(s.unit)
          << " | " << cell(default_text(s)) << " | " << cell(allowed_text(s)) << " | "
          << cell(s.doc) << " |\n";
    }
    os_ << "\n";
  }

  void children(const std::vector<Field>& fields, const std::string& ptr) {
    for (const auto& f : fields) {
      const Spec& s = *f.spec;
      const std::string child = ptr + "/" + f.key;
      if (has_section(s)) section(s, child, s.doc);
      if (s.kind == SpecKind::kArray && has_section(*s.element)) {
        section(*s.element, child + "/*", s.element->doc);
      }
    }
  }

  std::ostringstream os_;
};

std::string distribution_reference() {
  const DistributionDomain any{
      "UNIT",
      {DistKind::kFixed, DistKind::kExponential, DistKind::kWeibull, DistKind::kLogNormal,
       DistKind::kPareto, DistKind::kUniform, DistKind::kEmpirical},
      non_negative(std::numeric_limits<double>::infinity())};
  const Spec spec = distribution_spec(any).spec();
  std::ostringstream os;
  os << "| `dist` | meaning | keys |\n|---|---|---|\n";
  for (const auto& v : spec.variants) {
    std::string keys;
    for (const auto& f : v.fields) {
      const std::string range = allowed_text(*f.spec);
      keys +=
          (keys.empty() ? "" : "; ") + code(f.key) +
          (f.spec->presence == Presence::kRequired ? ""
                                                   : " (default " + default_text(*f.spec) + ")") +
          (range.empty() ? "" : " " + range);
    }
    os << "| " << code(v.name) << " | " << cell(v.doc) << " | " << cell(keys) << " |\n";
  }
  return os.str();
}

// [start, end) of the generated text: from after the begin marker's line to the end marker.
std::optional<std::pair<std::size_t, std::size_t>> marker_bounds(std::string_view readme,
                                                                 std::string_view begin_marker,
                                                                 std::string_view end_marker) {
  const std::size_t begin = readme.find(begin_marker);
  const std::size_t end = readme.find(end_marker);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
    return std::nullopt;
  }
  const std::size_t line_end = readme.find('\n', begin);
  if (line_end == std::string_view::npos || line_end + 1 > end) return std::nullopt;
  return std::pair{line_end + 1, end};
}

}  // namespace

std::string key_reference(const Spec& root, const std::string& title) {
  Writer writer;
  writer.section(root, "", title);
  return writer.text();
}

std::string scenario_reference() {
  std::ostringstream os;
  os << "\n### Scenario keys\n\n"
     << key_reference(scenario_spec().spec(), "the scenario file") << "### Distribution kinds\n\n"
     << "`UNIT` stands for the unit in the key's name (`lifetime_days` takes `mean_days`, "
        "`scale_days`, ...); dimensionless distributions (stake) drop the suffix (`value`, "
        "`mean`). Each key allows the kinds listed in its row above, and bounds the values by "
        "its own range.\n\n"
     << distribution_reference() << "\n"
     << "### Topology file keys\n\n"
     << topology_file_reference();
  return os.str();
}

std::optional<std::string> generated_section(std::string_view readme, std::string_view begin,
                                             std::string_view end) {
  const auto bounds = marker_bounds(readme, begin, end);
  if (!bounds) return std::nullopt;
  return std::string(readme.substr(bounds->first, bounds->second - bounds->first));
}

std::optional<std::string> with_generated_section(std::string_view readme,
                                                  std::string_view generated,
                                                  std::string_view begin, std::string_view end) {
  const auto bounds = marker_bounds(readme, begin, end);
  if (!bounds) return std::nullopt;
  std::string out(readme.substr(0, bounds->first));
  out += generated;
  out += readme.substr(bounds->second);
  return out;
}

}  // namespace sliversim::scenario
