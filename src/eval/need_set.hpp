// The facts an expression lacks, as a set of the schema's slots: what the
// flat evaluator carries where the tree walker keeps an ordered list. A set
// is a few machine words, so forgetting a decided side's needs is a copy
// back, and replaying a definition's needs is an or, never a copied list.
// Needed facts leave the evaluator in slot order (the schema's order of
// facts), which both evaluators use.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace fuzhu::detail {

class NeedSet {
 public:
  /// Schemas with more slots are decided by the tree walker (flat_eval.cpp).
  static constexpr int max_slots = 256;

  void add(int slot) {
    words_[static_cast<std::size_t>(slot) >> 6] |= std::uint64_t{1} << (static_cast<unsigned>(slot) & 63u);
  }
  NeedSet& operator|=(const NeedSet& other) {
    for (std::size_t i = 0; i < words; ++i) words_[i] |= other.words_[i];
    return *this;
  }
  bool empty() const {
    std::uint64_t any = 0;
    for (std::uint64_t w : words_) any |= w;
    return any == 0;
  }
  void clear() { words_ = {}; }

  /// Calls f(slot) for every slot in the set, in ascending order.
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < words; ++i)
      for (std::uint64_t w = words_[i]; w != 0; w &= w - 1)
        f(static_cast<int>(i * 64 + static_cast<std::size_t>(std::countr_zero(w))));
  }

 private:
  static constexpr std::size_t words = max_slots / 64;
  std::array<std::uint64_t, words> words_{};
};

}  // namespace fuzhu::detail
