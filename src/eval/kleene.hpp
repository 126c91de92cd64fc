// Three-valued (Kleene) logic: unknown facts give unknown answers unless the
// rest of the condition already decides.
#pragma once

#include "compile/value.hpp"

namespace fuzhu::detail {

enum class Tri : std::uint8_t { false_, true_, unknown };

inline Tri tri_of(const Value& v) {
  if (v.tag != Tag::boolean) return Tri::unknown;
  return v.n ? Tri::true_ : Tri::false_;
}

inline Value value_of(Tri t) {
  if (t == Tri::unknown) return {};
  return Value::boolean(t == Tri::true_);
}

inline Tri tri_and(Tri a, Tri b) {
  if (a == Tri::false_ || b == Tri::false_) return Tri::false_;
  if (a == Tri::unknown || b == Tri::unknown) return Tri::unknown;
  return Tri::true_;
}

inline Tri tri_or(Tri a, Tri b) {
  if (a == Tri::true_ || b == Tri::true_) return Tri::true_;
  if (a == Tri::unknown || b == Tri::unknown) return Tri::unknown;
  return Tri::false_;
}

inline Tri tri_not(Tri a) {
  if (a == Tri::unknown) return a;
  return a == Tri::true_ ? Tri::false_ : Tri::true_;
}

}  // namespace fuzhu::detail
