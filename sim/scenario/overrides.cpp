// --set overrides: parse "POINTER=VALUE", then walk the pointer through the document and the
// schema together so an unknown key is caught with its name even where the document is silent.
#include "sim/scenario/overrides.hpp"

#include <charconv>

#include "sim/scenario/strict_json.hpp"
#include "sim/scenario/suggest.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

// The unescaped reference tokens of an RFC 6901 pointer; nullopt for a bad escape.
std::optional<std::vector<std::string>> pointer_tokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < pointer.size(); ++i) {
    if (pointer[i] == '/') {
      tokens.emplace_back();
    } else if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
        return std::nullopt;
      }
      tokens.back().push_back(pointer[i + 1] == '0' ? '~' : '/');
      ++i;
    } else {
      tokens.back().push_back(pointer[i]);
    }
  }
  return tokens;
}

// The spec of `key` in an object or variant spec; for a variant, the variant the node names
// (or, when it names none, any variant with that key). nullptr when the schema has no such key.
const Spec* child_spec(const Spec& spec, const json& node, const std::string& key) {
  if (const Field* f = find_field(spec.fields, key)) return f->spec.get();
  if (spec.kind != SpecKind::kVariant) return nullptr;
  const auto named = node.find(spec.discriminator);
  if (named != node.end() && named->is_string()) {
    if (const Variant* v = find_variant(spec, named->get<std::string>())) {
      if (const Field* f = find_field(v->fields, key)) return f->spec.get();
    }
  }
  for (const auto& v : spec.variants) {
    if (const Field* f = find_field(v.fields, key)) return f->spec.get();
  }
  return nullptr;
}

// What an absent container on the way becomes: an array's default (so "/nodes/classes/0/..."
// reaches the default class), else an empty object or array.
json materialize(const Spec& spec) {
  if (spec.kind == SpecKind::kArray) {
    return spec.presence == Presence::kDefaulted && spec.default_value.is_array()
               ? spec.default_value
               : json::array();
  }
  return json::object();
}

bool is_container(const Spec& spec) {
  return spec.kind == SpecKind::kObject || spec.kind == SpecKind::kVariant ||
         spec.kind == SpecKind::kArray;
}

class Applier {
 public:
  Applier(const Override& o, Problems& out) : override_(o), out_(out) {}

  void apply(const Spec& root, json& document) {
    const auto tokens = pointer_tokens(override_.pointer);
    if (!tokens || tokens->empty()) {
      fail("", "expected a JSON pointer to a key such as /run/duration_days, got \"" +
                   override_.pointer + "\"");
      return;
    }
    const Spec* spec = &root;
    json* node = &document;
    std::string where;
    for (std::size_t i = 0; i < tokens->size(); ++i) {
      const bool last = i + 1 == tokens->size();
      if (!step(spec, node, where, (*tokens)[i], last)) return;
    }
  }

  // The pointer the value was written at ("-" replaced by the index), or "" if it was not.
  const std::string& applied() const { return applied_; }

 private:
  void fail(const std::string& where, const std::string& message) {
    out_.push_back({where, message + " (from --set " + override_.text + ")"});
  }

  // Moves spec/node/where one token down, or sets the value at the last token.
  bool step(const Spec*& spec, json*& node, std::string& where, const std::string& token,
            bool last) {
    if (!is_container(*spec)) {
      fail(pointer_join(where, token), "expected no key below " + where + " (" +
                                           expected_text(*spec) + "), got \"" + token + "\"");
      return false;
    }
    if (spec->kind == SpecKind::kArray) return step_array(spec, node, where, token, last);
    if (!node->is_object()) {
      fail(where, "expected an object to set \"" + token + "\" in, got " + describe_value(*node));
      return false;
    }
    const Spec* child = child_spec(*spec, *node, token);
    const std::string here = pointer_join(where, token);
    if (child == nullptr) {
      const auto keys = allowed_keys(*spec);
      fail(here, "expected one of the keys " + quoted_list(keys) + ", got \"" + token + "\"" +
                     did_you_mean(token, keys));
      return false;
    }
    if (last) {
      (*node)[token] = override_.value;
      applied_ = here;
      return true;
    }
    if (is_container(*child)) {  // a scalar is not touched: the next step reports the key
      json& next = (*node)[token];
      if (next.is_null()) next = materialize(*child);
      node = &next;
    }
    spec = child;
    where = here;
    return true;
  }

  bool step_array(const Spec*& spec, json*& node, std::string& where, const std::string& token,
                  bool last) {
    if (!node->is_array()) {
      fail(where, "expected an array to index, got " + describe_value(*node));
      return false;
    }
    std::size_t index = 0;
    if (token == "-") {
      node->push_back(last ? override_.value : materialize(*spec->element));
      index = node->size() - 1;
    } else {
      const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
      if (ec != std::errc() || end != token.data() + token.size() || index >= node->size() ||
          (token.size() > 1 && token[0] == '0')) {
        fail(pointer_join(where, token), "expected an index below " + std::to_string(node->size()) +
                                             " or \"-\" to append, got \"" + token + "\"");
        return false;
      }
      if (last) (*node)[index] = override_.value;
    }
    if (last) {
      applied_ = pointer_join(where, index);
      return true;
    }
    spec = spec->element.get();
    node = &(*node)[index];
    where = pointer_join(where, index);
    return true;
  }

  const Override& override_;
  Problems& out_;
  std::string applied_;
};

}  // namespace

std::optional<Override> parse_override(const std::string& text, Problems& out) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || text.empty() || text.front() != '/') {
    out.push_back(
        {"--set", "expected /json/pointer=value (e.g. /nodes/count=150), got \"" + text + "\""});
    return std::nullopt;
  }
  Override o{text, text.substr(0, eq), json(), ""};
  const std::string value_text = text.substr(eq + 1);
  ParsedJson parsed = parse_strict_json(value_text);
  if (!parsed.syntax_ok) {
    o.value = value_text;
    return o;
  }
  if (!parsed.problems.empty()) {
    for (auto& p : parsed.problems) {
      out.push_back({"--set", "in the value of \"" + text + "\": " + p.where + ": " + p.message});
    }
    return std::nullopt;
  }
  o.value = std::move(parsed.value);
  return o;
}

void apply_overrides(const Spec& root, std::vector<Override>& overrides, nlohmann::json& document,
                     Problems& out) {
  if (!document.is_object()) return;  // the validator reports the document itself
  for (auto& o : overrides) {
    Applier applier(o, out);
    applier.apply(root, document);
    o.applied_pointer = applier.applied();
  }
}

}  // namespace sliversim::scenario
