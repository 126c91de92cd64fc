// The names of a facts schema (records, fields, enum values), looked up by
// the bytes of a JSON key or string without hashing a std::string: every key
// and value of every family goes through here, so a name costs a hash of its
// first and last eight bytes and one comparison, both by 64-bit words.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compile/policy.hpp"

namespace fuzhu::sim {

/// Eight bytes at p, as one word (no alignment needed).
inline std::uint64_t word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

/// A name in a padded buffer, as a simdjson document is (SIMDJSON_PADDING
/// bytes after its last): a word may be read past the name's end.
struct Padded {
  std::string_view name;
};

/// Names → numbers, open-addressed, at most a quarter full. An entry keeps
/// its name's length and first and last eight bytes (overlapping in names of
/// 8 to 16 bytes, zero-filled in shorter ones): the hash is made of those,
/// and for names up to 16 bytes, which most field names are, so is the
/// comparison.
class NameTable {
 public:
  void build(const std::vector<std::pair<std::string_view, int>>& names) {
    unsigned bits = 3;
    while ((std::size_t{1} << bits) < names.size() * 4) ++bits;
    shift_ = 64 - bits;
    entries_.assign(std::size_t{1} << bits, Entry{});
    const std::size_t mask = entries_.size() - 1;
    for (const auto& [name, value] : names) {
      const Words w = words<false>(name);
      std::size_t i = index(w);
      while (entries_[i].value >= 0) i = (i + 1) & mask;
      entries_[i] = {w, std::string(name), value};
    }
  }

  /// The number of `name`, or -1.
  int find(std::string_view name) const { return find(words<false>(name), name); }
  int find(Padded key) const { return find(words<true>(key.name), key.name); }

 private:
  struct Words {
    std::uint64_t first = 0, last = 0, size = 0;
    bool operator==(const Words&) const = default;
  };
  struct Entry {
    Words words;
    std::string name;
    int value = -1;  // -1: a free entry, where a probe stops
  };
  std::vector<Entry> entries_;
  unsigned shift_ = 61;

  int find(const Words& w, std::string_view name) const {
    const std::size_t mask = entries_.size() - 1;
    for (std::size_t i = index(w);; i = (i + 1) & mask) {
      const Entry& e = entries_[i];
      if (e.value < 0) return -1;
      if (e.words == w && (w.size <= 16 || e.name == name)) return e.value;
    }
  }

  // A padded name shorter than 8 bytes is read as a whole word and masked
  // to its bytes (the low ones, on a little-endian machine), which is what
  // copying them gives.
  template <bool padded>
  static Words words(std::string_view s) {
    Words w;
    w.size = s.size();
    if (s.size() >= 8) {
      w.first = word(s.data());
      w.last = word(s.data() + s.size() - 8);
    } else if (padded && std::endian::native == std::endian::little) {
      if (!s.empty()) w.first = word(s.data()) & (~std::uint64_t{0} >> (64 - 8 * s.size()));
    } else {
      std::memcpy(&w.first, s.data(), s.size());
    }
    return w;
  }

  std::size_t index(const Words& w) const {
    const std::uint64_t h = (w.first ^ w.size) + w.last * 0xFF51AFD7ED558CCDull;
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> shift_);  // Fibonacci hashing
  }
};

/// What a reader needs of a slot to assign it without asking the schema.
struct SlotPlan {
  ast::TypeKind kind = ast::TypeKind::error;
  NameTable enum_values;  // enumerations: value → its index
};

/// A schema's names: roots, per root its fields → slots, per slot its plan.
/// Holds the schema, so a reader can tell when facts come with another one.
struct SchemaNames {
  std::shared_ptr<const detail::Schema> schema;
  NameTable roots;
  std::vector<NameTable> fields;  // by root: field name → slot
  std::vector<SlotPlan> slots;
  bool plain = true;  // no name has a backslash: a key or value as written that is found is it

  explicit SchemaNames(std::shared_ptr<const detail::Schema> s) : schema(std::move(s)) {
    std::vector<std::pair<std::string_view, int>> names;
    auto add = [&](std::string_view name, int value) {
      names.emplace_back(name, value);
      if (name.find('\\') != std::string_view::npos) plain = false;
    };
    for (std::size_t r = 0; r < schema->roots.size(); ++r) add(schema->roots[r].name, static_cast<int>(r));
    roots.build(names);
    slots.resize(static_cast<std::size_t>(schema->slot_count));
    for (const detail::RootInfo& root : schema->roots) {
      names.clear();
      for (std::size_t f = 0; f < root.fields.size(); ++f) {
        const detail::FieldInfo& field = root.fields[f];
        add(field.name, root.first_slot + static_cast<int>(f));
        plan(slots[static_cast<std::size_t>(root.first_slot) + f], field);
        for (const std::string& value : field.enum_values)
          if (value.find('\\') != std::string::npos) plain = false;
      }
      fields.emplace_back().build(names);
    }
  }

 private:
  static void plan(SlotPlan& slot, const detail::FieldInfo& field) {
    slot.kind = field.kind;
    std::vector<std::pair<std::string_view, int>> values;
    // Probes meet earlier entries first, so of equal values the first wins,
    // as assign_text's search finds it.
    for (std::size_t i = 0; i < field.enum_values.size(); ++i) values.emplace_back(field.enum_values[i], static_cast<int>(i));
    slot.enum_values.build(values);
  }
};

}  // namespace fuzhu::sim
