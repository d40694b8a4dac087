// The declarative schema of a JSON document: for every key its JSON type, unit, default, allowed
// range or values and a one-line doc. One Spec tree drives validation (validator.hpp), default
// filling (the resolved document), the config structs (each Spec carries a binder that writes a
// validated value into its struct member, see spec_builders.hpp) and the key reference in
// scenarios/README.md (schema_doc.hpp). Specs are immutable once built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/problem.hpp"

namespace sliversim::scenario {

// The JSON shape a Spec accepts.
enum class SpecKind : std::uint8_t {
  kInteger,  // a JSON number with an integral value (3 or 3.0), within an IntRange
  kNumber,   // any JSON number, within a NumberRange
  kBoolean,  // true or false
  kString,   // any string (non-empty when Spec::non_empty)
  kEnum,     // a string from Spec::choices
  kPath,     // a string naming an existing file, relative to the document's folder
  kArray,    // an array of Spec::element
  kObject,   // an object with exactly the keys of Spec::fields (no others)
  kVariant,  // an object whose Spec::discriminator key picks one of Spec::variants' key sets
};

// When a key may be left out of its object, and what the resolved document then holds.
enum class Presence : std::uint8_t {
  kRequired,   // must be given
  kDefaulted,  // absent: Spec::default_value (validated like a given value) is filled in
  kNullable,   // absent or null means "not configured" (e.g. a disabled process); resolved as null
  kDerived,    // absent: filled in from other keys after validation (Spec::default_doc says how)
};

// Inclusive integer bounds.
struct IntRange {
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
};

// Number bounds; each end inclusive unless marked exclusive; infinite ends are unbounded.
struct NumberRange {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
  bool max_exclusive = false;
};

// [lo, hi].
constexpr NumberRange closed(double lo, double hi) { return {lo, hi, false, false}; }
// (0, hi].
constexpr NumberRange positive(double hi) { return {0.0, hi, true, false}; }
// [0, hi].
constexpr NumberRange non_negative(double hi) { return {0.0, hi, false, false}; }

struct Spec;
using SpecPtr = std::shared_ptr<const Spec>;

// A key of an object and the spec of its value.
struct Field {
  std::string key;
  SpecPtr spec;
};

// One alternative of a kVariant: the discriminator's value and the keys it allows.
struct Variant {
  std::string name;
  std::string doc;
  std::vector<Field> fields;
};

// A check over a whole (already valid) value, e.g. "min <= max" inside one object. Appends its
// problems; `pointer` is the value's location.
using ValueCheck =
    std::function<void(const nlohmann::json& value, const std::string& pointer, Problems& out)>;

// Writes a validated value into the struct member the spec is bound to. `owner` points to the
// struct that holds the member (the builder that made the binder knows its type).
using Binder = std::function<void(const nlohmann::json& value, void* owner)>;

// The schema of one JSON value. Fields that do not apply to `kind` are left empty.
struct Spec {
  SpecKind kind = SpecKind::kObject;
  std::string doc;   // one line: what the value means
  std::string unit;  // e.g. "hours", "Mbit/s"; "" when dimensionless
  Presence presence = Presence::kDefaulted;
  nlohmann::json default_value;      // kDefaulted: the value used when the key is absent
  std::string default_doc;           // kDerived: how the value is derived (shown as its default)
  IntRange int_range;                // kInteger
  NumberRange number_range;          // kNumber
  bool non_empty = false;            // kString: "" is rejected
  std::vector<std::string> choices;  // kEnum: the allowed strings, in documentation order
  SpecPtr element;                   // kArray: the spec of each item
  std::size_t min_items = 0;         // kArray
  std::size_t max_items = std::numeric_limits<std::size_t>::max();  // kArray
  std::string unique_by;          // kArray of objects: items must differ in this key;
                                  // kArray of strings: "." means the strings must differ
  std::vector<Field> fields;      // kObject: its keys; kVariant: the keys common to all variants
  std::string discriminator;      // kVariant: the key naming the variant (e.g. "dist"); it is
                                  // also one of `fields`, a kEnum over the variant names
  std::vector<Variant> variants;  // kVariant: the keys each variant adds to `fields`
  ValueCheck check;               // optional: runs only when the value is otherwise valid
  Binder bind;                    // writes the value into its member; empty for the root
};

// A short phrase for what `spec` accepts, used after "expected": "integer in [1, 100000]",
// "number > 0", "one of \"delete\", \"corrupt\"", "object", ...
std::string expected_text(const Spec& spec);

// The range part of expected_text: " in [1, 100000]", " > 0", " <= 5", or "" when unbounded or
// not numeric.
std::string range_text(const Spec& spec);

// The keys an object or variant spec allows, in schema order (for variants: the discriminator,
// then every variant's keys, each once).
std::vector<std::string> allowed_keys(const Spec& spec);

// The variant of `spec` named `name`, or nullptr.
const Variant* find_variant(const Spec& spec, const std::string& name);

// The field of an object spec named `key`, or nullptr.
const Field* find_field(const std::vector<Field>& fields, const std::string& key);

// Writes every key present in the validated object `value` into the struct `self` with the
// binders of `spec`'s fields (and, for a variant, those of the variant `value` names).
// REQUIRES: `spec` is a kObject or kVariant bound to the type `self` points to; `value` was
// produced by the validator from this spec (absent keys keep the struct's values).
void bind_fields(const Spec& spec, const nlohmann::json& value, void* self);

}  // namespace sliversim::scenario
