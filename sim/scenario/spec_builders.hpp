// Typed builders of Specs bound to config struct members. A key is declared once, with its member:
//   number_key("uplink_mbps", &NodeClassConfig::uplink_mbps, positive(1e6), by_default(1000),
//              "Mbit/s", "upload capacity of each node")
// and the resulting Spec both validates the JSON value and, through its binder, writes it into
// the member. TypedField<S> ties a field to the struct S it binds into, so a StructSpec<S> can
// only be made of fields of S (checked at compile time).
#pragma once

#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/scenario/spec.hpp"

namespace sliversim::scenario {

// What happens when a key is absent (see Presence).
struct Default {
  Presence presence = Presence::kRequired;
  nlohmann::json value;  // kDefaulted
  std::string doc;       // kDerived: how it is derived
};

// The key must be given.
inline Default required() { return {Presence::kRequired, nullptr, ""}; }
// Absent or null: not configured.
inline Default nullable() { return {Presence::kNullable, nullptr, ""}; }
// Absent: filled in after validation as `how` says.
inline Default derived(std::string how) { return {Presence::kDerived, nullptr, std::move(how)}; }
// Absent: `value`.
inline Default by_default(nlohmann::json value) {
  return {Presence::kDefaulted, std::move(value), ""};
}

// Item count bounds and uniqueness of an array key.
struct ArrayBounds {
  std::size_t min_items = 0;
  std::size_t max_items = std::numeric_limits<std::size_t>::max();
  std::string unique_by;  // see Spec::unique_by
};

// A field whose binder writes into a struct S.
template <class S>
struct TypedField {
  Field field;
};

// An object (or variant) spec whose fields bind into the struct S.
template <class S>
class StructSpec {
 public:
  // An object with exactly `fields`; `check` (optional) runs on the valid resolved object.
  static StructSpec object(std::string doc, std::vector<TypedField<S>> fields,
                           ValueCheck check = {}) {
    Spec spec;
    spec.kind = SpecKind::kObject;
    spec.doc = std::move(doc);
    spec.fields = unwrap(std::move(fields));
    spec.check = std::move(check);
    return StructSpec(std::move(spec));
  }

  // One alternative of a variant: the discriminator value, its doc and the keys it adds.
  struct Alternative {
    std::string name;
    std::string doc;
    std::vector<TypedField<S>> fields;
  };

  // A variant: `discriminator` (an enum_key whose choices are the alternatives' names, in the
  // same order) selects which alternative's keys are allowed beside `common` ones.
  static StructSpec variant(std::string doc, TypedField<S> discriminator,
                            std::vector<TypedField<S>> common,
                            std::vector<Alternative> alternatives, ValueCheck check = {}) {
    Spec spec;
    spec.kind = SpecKind::kVariant;
    spec.doc = std::move(doc);
    spec.discriminator = discriminator.field.key;
    if (discriminator.field.spec->choices.size() != alternatives.size()) {
      throw std::logic_error("variant " + spec.discriminator + ": choices and alternatives differ");
    }
    spec.fields.push_back(std::move(discriminator.field));
    for (auto& f : unwrap(std::move(common))) spec.fields.push_back(std::move(f));
    for (auto& a : alternatives) {
      spec.variants.push_back({std::move(a.name), std::move(a.doc), unwrap(std::move(a.fields))});
    }
    spec.check = std::move(check);
    return StructSpec(std::move(spec));
  }

  const Spec& spec() const { return spec_; }

  // A copy whose values are in `unit` (shown in the docs).
  StructSpec with_unit(std::string unit) const {
    StructSpec copy = *this;
    copy.spec_.unit = std::move(unit);
    return copy;
  }

  // Fills `out` from a document the validator resolved from this spec.
  void bind(const nlohmann::json& resolved, S& out) const { bind_fields(spec_, resolved, &out); }

 private:
  explicit StructSpec(Spec spec) : spec_(std::move(spec)) {}
  static std::vector<Field> unwrap(std::vector<TypedField<S>> typed) {
    std::vector<Field> fields;
    fields.reserve(typed.size());
    for (auto& t : typed) fields.push_back(std::move(t.field));
    return fields;
  }
  Spec spec_;
};

namespace builder_detail {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
struct ValueOf {
  using type = T;
};
template <class T>
struct ValueOf<std::optional<T>> {
  using type = T;
};

// Fills the shared parts of a key's spec.
inline Spec key_spec(SpecKind kind, Default dflt, std::string unit, std::string doc) {
  Spec spec;
  spec.kind = kind;
  spec.presence = dflt.presence;
  spec.default_value = std::move(dflt.value);
  spec.default_doc = std::move(dflt.doc);
  spec.unit = std::move(unit);
  spec.doc = std::move(doc);
  return spec;
}

// A binder writing `convert(value)` into `member` of S (reset when the member is optional and
// the value is null).
template <class S, class M, class Convert>
Binder member_binder(M S::*member, Convert convert) {
  return [member, convert](const nlohmann::json& value, void* owner) {
    M& target = static_cast<S*>(owner)->*member;
    if constexpr (IsOptional<M>::value) {
      if (value.is_null()) {
        target.reset();
        return;
      }
    }
    target = convert(value);
  };
}

// The spec of a key holding a struct: the struct's spec with the key's presence and doc.
inline Spec struct_value_spec(const Spec& layout, Default dflt, std::string doc) {
  Spec spec = layout;
  spec.presence = dflt.presence;
  spec.default_value = std::move(dflt.value);
  spec.default_doc = std::move(dflt.doc);
  if (!doc.empty()) spec.doc = std::move(doc);
  return spec;
}

// The spec of an array key of `element` items.
inline Spec array_spec(SpecPtr element, ArrayBounds bounds, Default dflt, std::string unit,
                       std::string doc) {
  Spec spec = key_spec(SpecKind::kArray, std::move(dflt), std::move(unit), std::move(doc));
  spec.element = std::move(element);
  spec.min_items = bounds.min_items;
  spec.max_items = bounds.max_items;
  spec.unique_by = std::move(bounds.unique_by);
  return spec;
}

template <class S>
TypedField<S> make_field(std::string key, Spec spec) {
  return TypedField<S>{Field{std::move(key), std::make_shared<const Spec>(std::move(spec))}};
}

}  // namespace builder_detail

// An integer key bound to an integral (or std::optional integral) member.
// REQUIRES: `range` fits the member's type.
template <class S, class M>
TypedField<S> integer_key(std::string key, M S::*member, IntRange range, Default dflt,
                          std::string unit, std::string doc) {
  using T = typename builder_detail::ValueOf<M>::type;
  static_assert(std::is_integral_v<T>, "integer_key needs an integral member");
  if (range.min < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
      static_cast<std::uint64_t>(range.max) > std::numeric_limits<T>::max()) {
    throw std::logic_error("integer_key " + key + ": range does not fit the member");
  }
  Spec spec = builder_detail::key_spec(SpecKind::kInteger, std::move(dflt), std::move(unit),
                                       std::move(doc));
  spec.int_range = range;
  spec.bind = builder_detail::member_binder(
      member, [](const nlohmann::json& v) { return static_cast<T>(v.get<std::int64_t>()); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A number key bound to a double (or std::optional<double>) member.
template <class S, class M>
TypedField<S> number_key(std::string key, M S::*member, NumberRange range, Default dflt,
                         std::string unit, std::string doc) {
  Spec spec =
      builder_detail::key_spec(SpecKind::kNumber, std::move(dflt), std::move(unit), std::move(doc));
  spec.number_range = range;
  spec.bind = builder_detail::member_binder(
      member, [](const nlohmann::json& v) { return v.get<double>(); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A true/false key bound to a bool member.
template <class S>
TypedField<S> boolean_key(std::string key, bool S::*member, Default dflt, std::string doc) {
  Spec spec = builder_detail::key_spec(SpecKind::kBoolean, std::move(dflt), "", std::move(doc));
  spec.bind =
      builder_detail::member_binder(member, [](const nlohmann::json& v) { return v.get<bool>(); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A string key bound to a std::string member; `non_empty` rejects "".
template <class S>
TypedField<S> string_key(std::string key, std::string S::*member, bool non_empty, Default dflt,
                         std::string doc) {
  Spec spec = builder_detail::key_spec(SpecKind::kString, std::move(dflt), "", std::move(doc));
  spec.non_empty = non_empty;
  spec.bind = builder_detail::member_binder(
      member, [](const nlohmann::json& v) { return v.get<std::string>(); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A key naming an existing file (relative to the document's folder), bound to a std::string
// member holding the path as written.
template <class S>
TypedField<S> path_key(std::string key, std::string S::*member, Default dflt, std::string doc) {
  Spec spec = builder_detail::key_spec(SpecKind::kPath, std::move(dflt), "", std::move(doc));
  spec.bind = builder_detail::member_binder(
      member, [](const nlohmann::json& v) { return v.get<std::string>(); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A key whose value is one of `choices` (JSON string -> enum value), bound to an enum member.
template <class S, class E>
TypedField<S> enum_key(std::string key, E S::*member,
                       std::vector<std::pair<std::string, E>> choices, Default dflt,
                       std::string doc) {
  Spec spec = builder_detail::key_spec(SpecKind::kEnum, std::move(dflt), "", std::move(doc));
  for (const auto& c : choices) spec.choices.push_back(c.first);
  spec.bind = builder_detail::member_binder(member, [choices](const nlohmann::json& v) {
    const std::string name = v.get<std::string>();
    for (const auto& c : choices) {
      if (c.first == name) return c.second;
    }
    return choices.front().second;  // unreachable: the validator admits only the choices
  });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A key whose value is an object (or variant) bound to a struct member. `doc` replaces the
// struct spec's doc when not empty.
template <class S, class Sub>
TypedField<S> struct_key(std::string key, Sub S::*member, const StructSpec<Sub>& sub, Default dflt,
                         std::string doc) {
  Spec spec = builder_detail::struct_value_spec(sub.spec(), std::move(dflt), std::move(doc));
  auto layout = std::make_shared<const Spec>(sub.spec());
  spec.bind = [member, layout](const nlohmann::json& v, void* owner) {
    bind_fields(*layout, v, &(static_cast<S*>(owner)->*member));
  };
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// A nullable key whose value, when given, is an object bound to a std::optional struct member
// (absent or null: the member is empty, the feature is off).
template <class S, class Sub>
TypedField<S> optional_struct_key(std::string key, std::optional<Sub> S::*member,
                                  const StructSpec<Sub>& sub, std::string doc) {
  Spec spec = builder_detail::struct_value_spec(sub.spec(), nullable(), std::move(doc));
  auto layout = std::make_shared<const Spec>(sub.spec());
  spec.bind = [member, layout](const nlohmann::json& v, void* owner) {
    std::optional<Sub>& target = static_cast<S*>(owner)->*member;
    if (v.is_null()) {
      target.reset();
      return;
    }
    target.emplace();
    bind_fields(*layout, v, &*target);
  };
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// An array of objects bound to a std::vector of structs.
template <class S, class Sub>
TypedField<S> struct_list_key(std::string key, std::vector<Sub> S::*member,
                              const StructSpec<Sub>& item, ArrayBounds bounds, Default dflt,
                              std::string doc) {
  auto layout = std::make_shared<const Spec>(item.spec());
  Spec spec =
      builder_detail::array_spec(layout, std::move(bounds), std::move(dflt), "", std::move(doc));
  spec.bind = [member, layout](const nlohmann::json& v, void* owner) {
    std::vector<Sub>& target = static_cast<S*>(owner)->*member;
    target.assign(v.size(), Sub{});
    for (std::size_t i = 0; i < v.size(); ++i) bind_fields(*layout, v[i], &target[i]);
  };
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// An array of non-empty strings (e.g. names) bound to a std::vector<std::string>.
template <class S>
TypedField<S> string_list_key(std::string key, std::vector<std::string> S::*member,
                              ArrayBounds bounds, Default dflt, std::string doc) {
  Spec item;
  item.kind = SpecKind::kString;
  item.non_empty = true;
  Spec spec = builder_detail::array_spec(std::make_shared<const Spec>(std::move(item)),
                                         std::move(bounds), std::move(dflt), "", std::move(doc));
  spec.bind = builder_detail::member_binder(
      member, [](const nlohmann::json& v) { return v.get<std::vector<std::string>>(); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

// An array of numbers, each within `range`, bound to a std::vector<double>.
template <class S>
TypedField<S> number_list_key(std::string key, std::vector<double> S::*member, NumberRange range,
                              ArrayBounds bounds, Default dflt, std::string unit, std::string doc) {
  Spec item;
  item.kind = SpecKind::kNumber;
  item.number_range = range;
  Spec spec =
      builder_detail::array_spec(std::make_shared<const Spec>(std::move(item)), std::move(bounds),
                                 std::move(dflt), std::move(unit), std::move(doc));
  spec.bind = builder_detail::member_binder(
      member, [](const nlohmann::json& v) { return v.get<std::vector<double>>(); });
  return builder_detail::make_field<S>(std::move(key), std::move(spec));
}

}  // namespace sliversim::scenario
