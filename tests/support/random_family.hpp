// Families drawn at random over any policy's facts schema, for the tests that
// hold two evaluators to the same answers: every root present or absent,
// every fact known or missing, values across their types' ranges (ages
// around the policies' 49 and 60, grades, every enum value), regions inside
// and outside the policy's jurisdiction. Deterministic for a seed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>

#include "compile/schema.hpp"
#include "io/facts.hpp"

namespace fuzhu::testing {

class RandomFamilies {
 public:
  RandomFamilies(std::shared_ptr<const detail::Schema> schema, std::string jurisdiction, std::uint64_t seed)
      : schema_(std::move(schema)), jurisdiction_(std::move(jurisdiction)), engine_(seed) {}

  /// The next family; dates lie before `as_of`, events after the birth.
  detail::FactsData next(const Date& as_of) {
    detail::FactsData d = detail::empty_facts(schema_);
    const std::int64_t today = as_of.days_since_epoch();
    for (std::size_t r = 0; r < schema_->roots.size(); ++r) {
      const detail::RootInfo& root = schema_->roots[r];
      d.present[r] = root.optional ? chance(85) : 1;
      if (!d.present[r]) continue;
      for (std::size_t f = 0; f < root.fields.size(); ++f)
        if (!chance(12)) fill(d, root.first_slot + static_cast<int>(f), today);
      keep_events_after_birth(d, root);
    }
    return d;
  }

 private:
  std::shared_ptr<const detail::Schema> schema_;
  std::string jurisdiction_;
  std::mt19937_64 engine_;

  std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(engine_() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

  void fill(detail::FactsData& d, int slot, std::int64_t today) {
    const detail::FieldInfo& f = schema_->field_of(slot);
    detail::Value& v = d.slots[static_cast<std::size_t>(slot)];
    switch (f.kind) {
      case ast::TypeKind::boolean: v = detail::Value::boolean(chance(50)); break;
      case ast::TypeKind::integer: {
        const std::int64_t low = f.low.value_or(0), high = f.high.value_or(low + 20);
        v = {detail::Tag::integer, low + below(high - low + 1)};
        break;
      }
      case ast::TypeKind::money: v = {detail::Tag::money, below(2'000'000)}; break;
      case ast::TypeKind::date: v = {detail::Tag::date, date(today)}; break;
      case ast::TypeKind::enumeration:
        v = {detail::Tag::enumeration, below(static_cast<std::int64_t>(std::max<std::size_t>(f.enum_values.size(), 1)))};
        break;
      case ast::TypeKind::string: {
        const int string = schema_->string_of_slot[static_cast<std::size_t>(slot)];
        d.strings[static_cast<std::size_t>(string)] = text(slot);
        v = {detail::Tag::string, string};
        break;
      }
      default: break;  // no family states other kinds
    }
  }

  // Mostly births of parents around the ages the policies ask about (49,
  // 60), and now and then a date close to `today`.
  std::int64_t date(std::int64_t today) {
    if (chance(20)) return today - below(400);
    return today - 365 * 20 - below(365 * 50);
  }

  std::string text(int slot) {
    if (slot != schema_->region_slot) return chance(50) ? "甲" : "乙";
    switch (below(4)) {
      case 0: return jurisdiction_;
      case 1: return jurisdiction_ + "某区";
      case 2: return "湖南省长沙市岳麓区";
      default: return "上海市松江区";
    }
  }

  // facts.md, "Facts that cannot be": an event before its person's birth
  // is refused before evaluation; move it after the birth instead.
  static void keep_events_after_birth(detail::FactsData& d, const detail::RootInfo& root) {
    if (root.birth_slot < 0) return;
    const detail::Value birth = d.slots[static_cast<std::size_t>(root.birth_slot)];
    if (!birth.known()) return;
    for (int slot : root.event_slots) {
      detail::Value& event = d.slots[static_cast<std::size_t>(slot)];
      if (event.known() && event.n < birth.n) event.n = birth.n + (birth.n - event.n) % 3000;
    }
  }
};

}  // namespace fuzhu::testing
