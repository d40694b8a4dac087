// The validator: walks a document and its Spec side by side, collecting problems and building
// the resolved document. Determinism: keys are visited in schema order, then unknown keys in the
// document's (sorted) order, so problems always come out in the same order.
#include "sim/scenario/validator.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "sim/scenario/suggest.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

class Validator {
 public:
  Validator(const ValidationContext& context, Problems& out) : context_(context), out_(out) {}

  // The resolved form of `value`, or a discarded json when it is invalid.
  json resolve(const Spec& spec, const json& value, const std::string& ptr) {
    const std::size_t before = out_.size();
    json result = resolve_kind(spec, value, ptr);
    if (out_.size() == before && spec.check && !result.is_discarded()) {
      spec.check(result, ptr, out_);
    }
    return result;
  }

 private:
  json resolve_kind(const Spec& spec, const json& value, const std::string& ptr) {
    switch (spec.kind) {
      case SpecKind::kInteger:
        return resolve_integer(spec, value, ptr);
      case SpecKind::kNumber:
        return resolve_number(spec, value, ptr);
      case SpecKind::kBoolean:
        return value.is_boolean() ? value : mismatch(spec, value, ptr);
      case SpecKind::kString:
        return value.is_string() && !(spec.non_empty && value.get<std::string>().empty())
                   ? value
                   : mismatch(spec, value, ptr);
      case SpecKind::kEnum:
        return resolve_enum(spec, value, ptr);
      case SpecKind::kPath:
        return resolve_path(spec, value, ptr);
      case SpecKind::kArray:
        return resolve_array(spec, value, ptr);
      case SpecKind::kObject:
      case SpecKind::kVariant:
        return resolve_object(spec, value, ptr);
    }
    return mismatch(spec, value, ptr);
  }

  json mismatch(const Spec& spec, const json& value, const std::string& ptr,
                const std::string& note = "") {
    out_.push_back(
        {ptr, "expected " + expected_text(spec) + ", got " + describe_value(value) + note});
    return json(json::value_t::discarded);
  }

  json resolve_integer(const Spec& spec, const json& value, const std::string& ptr) {
    std::int64_t v = 0;
    if (value.is_number_unsigned()) {
      if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(spec.int_range.max)) {
        return mismatch(spec, value, ptr);
      }
      v = static_cast<std::int64_t>(value.get<std::uint64_t>());
    } else if (value.is_number_integer()) {
      v = value.get<std::int64_t>();
    } else if (value.is_number_float()) {
      const double d = value.get<double>();
      if (std::floor(d) != d || std::fabs(d) > kMaxExactInteger) return mismatch(spec, value, ptr);
      v = static_cast<std::int64_t>(d);
    } else {
      return mismatch(spec, value, ptr);
    }
    if (v < spec.int_range.min || v > spec.int_range.max) return mismatch(spec, value, ptr);
    return json(v);
  }

  json resolve_number(const Spec& spec, const json& value, const std::string& ptr) {
    if (!value.is_number()) return mismatch(spec, value, ptr);
    const double d = value.get<double>();
    const NumberRange& r = spec.number_range;
    const bool low_ok = r.min_exclusive ? d > r.min : d >= r.min;
    const bool high_ok = r.max_exclusive ? d < r.max : d <= r.max;
    return low_ok && high_ok ? value : mismatch(spec, value, ptr);
  }

  json resolve_enum(const Spec& spec, const json& value, const std::string& ptr) {
    if (!value.is_string()) return mismatch(spec, value, ptr);
    const std::string text = value.get<std::string>();
    for (const auto& c : spec.choices) {
      if (c == text) return value;
    }
    return mismatch(spec, value, ptr, did_you_mean(text, spec.choices));
  }

  json resolve_path(const Spec& spec, const json& value, const std::string& ptr) {
    if (!value.is_string() || value.get<std::string>().empty()) return mismatch(spec, value, ptr);
    const std::filesystem::path full = context_.base_dir / value.get<std::string>();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(full, ec)) {
      return mismatch(spec, value, ptr, " (no such file: " + full.string() + ")");
    }
    if (!std::ifstream(full).good()) {
      return mismatch(spec, value, ptr, " (cannot read " + full.string() + ")");
    }
    return value;
  }

  json resolve_array(const Spec& spec, const json& value, const std::string& ptr) {
    if (!value.is_array() || value.size() < spec.min_items || value.size() > spec.max_items) {
      return mismatch(spec, value, ptr);
    }
    json result = json::array();
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      json item = resolve(*spec.element, value[i], pointer_join(ptr, i));
      ok = ok && !item.is_discarded();
      result.push_back(std::move(item));
    }
    if (!ok) return json(json::value_t::discarded);
    if (!spec.unique_by.empty()) check_unique(spec.unique_by, result, ptr);
    return result;
  }

  void check_unique(const std::string& key, const json& items, const std::string& ptr) {
    std::map<std::string, std::size_t> first_index;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const json& id = key == "." ? items[i] : items[i].value(key, json());
      if (!id.is_string()) continue;
      const auto [it, fresh] = first_index.emplace(id.get<std::string>(), i);
      if (fresh) continue;
      const std::string where =
          key == "." ? pointer_join(ptr, i) : pointer_join(pointer_join(ptr, i), key);
      out_.push_back({where, "expected a value not used by another item, got " +
                                 describe_value(id) + " again (also item " +
                                 std::to_string(it->second) + ")"});
    }
  }

  json resolve_object(const Spec& spec, const json& value, const std::string& ptr) {
    if (!value.is_object()) return mismatch(spec, value, ptr);
    json result = json::object();
    std::vector<const std::vector<Field>*> field_sets = {&spec.fields};
    resolve_fields(spec.fields, value, ptr, result);
    if (spec.kind == SpecKind::kVariant) {
      const auto it = result.find(spec.discriminator);
      if (it == result.end()) return result;  // its problem is reported; other keys unknowable
      const Variant* variant = find_variant(spec, it->get<std::string>());
      resolve_fields(variant->fields, value, ptr, result);
      field_sets.push_back(&variant->fields);
    }
    report_unknown_keys(spec, field_sets, value, ptr);
    return result;
  }

  void resolve_fields(const std::vector<Field>& fields, const json& value, const std::string& ptr,
                      json& result) {
    for (const auto& f : fields) {
      const std::string p = pointer_join(ptr, f.key);
      const Spec& spec = *f.spec;
      const auto it = value.find(f.key);
      if (it != value.end()) {
        if (it->is_null() && spec.presence == Presence::kNullable) {
          result[f.key] = nullptr;
          continue;
        }
        json r = resolve(spec, *it, p);
        if (!r.is_discarded()) result[f.key] = std::move(r);
        continue;
      }
      switch (spec.presence) {
        case Presence::kRequired:
          out_.push_back(
              {p, "expected " + expected_text(spec) + ", got nothing (the key is required)"});
          break;
        case Presence::kDefaulted: {
          json r = resolve(spec, spec.default_value, p);
          if (!r.is_discarded()) result[f.key] = std::move(r);
          break;
        }
        case Presence::kNullable:
          result[f.key] = nullptr;
          break;
        case Presence::kDerived:
          break;
      }
    }
  }

  void report_unknown_keys(const Spec& spec, const std::vector<const std::vector<Field>*>& sets,
                           const json& value, const std::string& ptr) {
    std::vector<std::string> valid;
    for (const auto* set : sets) {
      for (const auto& f : *set) valid.push_back(f.key);
    }
    const std::set<std::string> valid_set(valid.begin(), valid.end());
    const std::vector<std::string> every = allowed_keys(spec);
    for (const auto& [key, unused] : value.items()) {
      if (valid_set.count(key) != 0U) continue;
      std::string message = "expected one of the keys " + quoted_list(valid) + ", got \"" + key +
                            "\"" + did_you_mean(key, valid);
      if (std::find(every.begin(), every.end(), key) != every.end()) {
        message += " (\"" + key + "\" belongs to another \"" + spec.discriminator + "\")";
      }
      out_.push_back({pointer_join(ptr, key), message});
    }
  }

  const ValidationContext& context_;
  Problems& out_;
};

}  // namespace

nlohmann::json validate_document(const Spec& root, const nlohmann::json& document,
                                 const ValidationContext& context, Problems& out) {
  Validator validator(context, out);
  nlohmann::json resolved = validator.resolve(root, document, "");
  if (resolved.is_discarded()) return nlohmann::json::object();
  return resolved;
}

}  // namespace sliversim::scenario
