// Descriptions of what a Spec accepts, shared by the validator, the --set checker and the docs.
#include "sim/scenario/spec.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace sliversim::scenario {

namespace {

std::string int_range_text(const IntRange& r) {
  constexpr auto kLow = std::numeric_limits<std::int64_t>::min();
  constexpr auto kHigh = std::numeric_limits<std::int64_t>::max();
  if (r.min == kLow && r.max == kHigh) return "";
  if (r.max == kHigh) return fmt::format(" >= {}", r.min);
  if (r.min == kLow) return fmt::format(" <= {}", r.max);
  return fmt::format(" in [{}, {}]", r.min, r.max);
}

std::string number_range_text(const NumberRange& r) {
  const bool low = std::isfinite(r.min);
  const bool high = std::isfinite(r.max);
  const std::string lo = format_number(r.min);
  const std::string hi = format_number(r.max);
  if (!low && !high) return "";
  if (!high) return fmt::format(" {} {}", r.min_exclusive ? ">" : ">=", lo);
  if (!low) return fmt::format(" {} {}", r.max_exclusive ? "<" : "<=", hi);
  return fmt::format(" in {}{}, {}{}", r.min_exclusive ? "(" : "[", lo, hi,
                     r.max_exclusive ? ")" : "]");
}

}  // namespace

std::string range_text(const Spec& spec) {
  if (spec.kind == SpecKind::kInteger) return int_range_text(spec.int_range);
  if (spec.kind == SpecKind::kNumber) return number_range_text(spec.number_range);
  return "";
}

std::string expected_text(const Spec& spec) {
  switch (spec.kind) {
    case SpecKind::kInteger:
      return "integer" + int_range_text(spec.int_range);
    case SpecKind::kNumber:
      return "number" + number_range_text(spec.number_range);
    case SpecKind::kBoolean:
      return "true or false";
    case SpecKind::kString:
      return spec.non_empty ? "non-empty string" : "string";
    case SpecKind::kEnum:
      return "one of " + quoted_list(spec.choices);
    case SpecKind::kPath:
      return "path of an existing file (string)";
    case SpecKind::kArray: {
      const bool bounded = spec.max_items != std::numeric_limits<std::size_t>::max();
      if (spec.min_items > 0 && bounded) {
        return fmt::format("array of {} to {} items", spec.min_items, spec.max_items);
      }
      if (spec.min_items > 0) {
        return fmt::format("array of at least {} item{}", spec.min_items,
                           spec.min_items == 1 ? "" : "s");
      }
      return bounded ? fmt::format("array of at most {} items", spec.max_items) : "array";
    }
    case SpecKind::kObject:
      return "object";
    case SpecKind::kVariant:
      return "object with \"" + spec.discriminator + "\"";
  }
  return "value";
}

std::vector<std::string> allowed_keys(const Spec& spec) {
  std::vector<std::string> keys;
  if (spec.kind == SpecKind::kVariant) keys.push_back(spec.discriminator);
  const auto add = [&keys](const std::vector<Field>& fields) {
    for (const auto& f : fields) {
      if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) keys.push_back(f.key);
    }
  };
  add(spec.fields);
  for (const auto& v : spec.variants) add(v.fields);
  return keys;
}

const Variant* find_variant(const Spec& spec, const std::string& name) {
  for (const auto& v : spec.variants) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

const Field* find_field(const std::vector<Field>& fields, const std::string& key) {
  for (const auto& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

void bind_fields(const Spec& spec, const nlohmann::json& value, void* self) {
  const auto bind_all = [&value, self](const std::vector<Field>& fields) {
    for (const auto& f : fields) {
      const auto it = value.find(f.key);
      if (it != value.end() && f.spec->bind) f.spec->bind(*it, self);
    }
  };
  bind_all(spec.fields);
  if (spec.kind != SpecKind::kVariant) return;
  const auto it = value.find(spec.discriminator);
  if (it == value.end() || !it->is_string()) return;
  if (const Variant* v = find_variant(spec, it->get<std::string>())) bind_all(v->fields);
}

}  // namespace sliversim::scenario
