#include "check/payers.hpp"

#include <optional>

#include <fmt/format.h>

#include "fuzhu/value.hpp"
#include "wide_int.hpp"

namespace fuzhu {

namespace {

using ast::ShareKind;
constexpr std::int64_t whole = 1'000'000;  // 100 %, in millionths

// A constant of a money expression: literals, + - * / on them, and
// `amount` when the amount itself is constant. Nothing else is folded.
struct Constant {
  std::int64_t n = 0;
  bool money = false;
};

std::optional<Constant> fold(const ast::Expr& e, std::optional<std::int64_t> amount) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::money: return Constant{e.number, true};
    case K::integer: return Constant{e.number, false};
    case K::amount:
      if (amount) return Constant{*amount, true};
      return std::nullopt;
    case K::negate: {
      auto v = fold(*e.operands[0], amount);
      if (!v || v->n == INT64_MIN) return std::nullopt;
      return Constant{-v->n, v->money};
    }
    case K::binary: break;
    default: return std::nullopt;
  }
  auto l = fold(*e.operands[0], amount), r = fold(*e.operands[1], amount);
  if (!l || !r) return std::nullopt;
  std::int64_t n = 0;
  const bool money = l->money || r->money;
  switch (e.op) {
    case ast::BinaryOp::add:
      if (__builtin_add_overflow(l->n, r->n, &n)) return std::nullopt;
      return Constant{n, money};
    case ast::BinaryOp::sub:
      if (__builtin_sub_overflow(l->n, r->n, &n)) return std::nullopt;
      return Constant{n, money};
    case ast::BinaryOp::mul:
      if (__builtin_mul_overflow(l->n, r->n, &n)) return std::nullopt;
      return Constant{n, money};
    case ast::BinaryOp::div: {
      if (r->n == 0 || (l->n == INT64_MIN && r->n == -1)) return std::nullopt;
      std::int64_t q = l->n / r->n, rem = l->n % r->n;  // rounded halves away from zero, as evaluation does
      if (rem != 0) {
        std::int64_t abs_r = rem < 0 ? -rem : rem, abs_by = r->n < 0 ? -r->n : r->n;
        if (abs_r >= abs_by - abs_r) q += ((l->n < 0) != (r->n < 0)) ? -1 : 1;
      }
      return Constant{q, money};
    }
    default: return std::nullopt;
  }
}

// `amount` stands in `e`: the type checker already says when there is none.
bool uses_amount(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::amount) return true;
  bool found = false;
  ast::for_each_child(e, [&](const ast::Expr& child) { found = found || uses_amount(child); });
  return found;
}

std::string yuan(wide_int fen) {
  const bool negative = fen < 0;
  if (negative) fen = -fen;
  std::string out = fmt::format("{}{}", negative ? "-" : "", static_cast<unsigned long long>(fen / 100));
  if (fen % 100) out += fmt::format(".{:02}", static_cast<int>(fen % 100));
  return out + " 元";
}

// Adds up the shares of `payers` that are constant: percentages in
// millionths, figures in fen (none when a figure is not constant).
struct Sums {
  std::int64_t percent = 0;
  std::optional<wide_int> figures = 0;
  bool parts = false;
};

Sums sum(const ast::Benefit& b, bool unconditional_only, std::optional<std::int64_t> amount) {
  Sums s;
  for (const auto& p : b.payers) {
    if (unconditional_only && p.condition) continue;
    switch (p.share_kind) {
      case ShareKind::percent: s.percent += p.percent_ppm; break;
      case ShareKind::parts: s.parts = true; break;
      case ShareKind::figure: {
        auto v = p.share ? fold(*p.share, amount) : std::nullopt;
        if (v && s.figures) *s.figures += v->n;
        else s.figures.reset();
        break;
      }
      case ShareKind::none: break;
    }
  }
  return s;
}

void shares_cannot_add_up(const ast::Benefit& b, Diagnostics& diags) {
  std::optional<std::int64_t> amount;
  if (auto a = fold(*b.amount, std::nullopt); a && a->money) amount = a->n;
  bool every_payer_always = true;
  for (const auto& p : b.payers) every_payer_always &= p.condition == nullptr;
  const Sums always = sum(b, true, amount);
  auto warn = [&](std::string message) { diags.add(Diag::shares_cannot_add_up, b.payers_loc, std::move(message)); };
  if (always.percent > whole) {
    warn(fmt::format("the percentages of '{}' add up to {}, more than its whole amount", b.id, percent_text(always.percent)));
    return;
  }
  // What the figures and percentages take, exactly, in millionths of a fen.
  std::optional<wide_int> taken;
  if (amount && always.figures) taken = *always.figures * whole + static_cast<wide_int>(*amount) * always.percent;
  if (every_payer_always && !always.parts) {
    if (always.figures == 0 && always.percent != whole) {
      warn(fmt::format("the percentages of '{}' add up to {}, not 100%", b.id, percent_text(always.percent)));
    } else if (taken && *taken != static_cast<wide_int>(*amount) * whole) {
      warn(fmt::format("the shares of '{}' add up to {}, not its amount {}", b.id,
                       yuan(*always.figures + static_cast<wide_int>(*amount) * always.percent / whole), yuan(*amount)));
    }
    return;
  }
  if (taken && *taken > static_cast<wide_int>(*amount) * whole)
    warn(fmt::format("the shares every family pays of '{}' come to more than its amount {}", b.id, yuan(*amount)));
  else if (taken && every_payer_always && *taken == static_cast<wide_int>(*amount) * whole)
    warn(fmt::format("the figures and percentages of '{}' take its whole amount {}: nothing is left for the payers with parts",
                     b.id, yuan(*amount)));
}

}  // namespace

std::string percent_text(std::int64_t ppm) {
  std::string out = std::to_string(ppm / 10000);
  if (std::int64_t rest = ppm % 10000) {
    std::string digits = fmt::format("{:04}", rest);
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out + "%";
}

void check_payers(const ast::Benefit& b, Diagnostics& diags) {
  if (b.recipient == ast::RecipientKind::each_deceased_parent && b.paid_to.empty())
    diags.add(Diag::deceased_without_payee, b.recipient_loc,
              fmt::format("'{}' is for a parent who died: say who is paid with `paid to \"…\"` (the relatives, "
                          "a funeral home)", b.id));
  if (b.payers.empty()) return;
  std::size_t with_share = 0;
  for (const auto& p : b.payers) with_share += p.share_kind != ShareKind::none;
  if (with_share == 0) return;
  if (with_share != b.payers.size()) {
    for (const auto& p : b.payers)
      if (p.share_kind == ShareKind::none)
        diags.add(Diag::shares_mixed, p.loc,
                  fmt::format("payer \"{}\" has no share while other payers of '{}' have one: give every payer a "
                              "share (\"{}\" : 4 份, : 40%, : 100 元), or none",
                              p.name, b.id, p.name));
    return;
  }
  if (!b.amount) {
    for (const auto& p : b.payers)
      if (p.share_kind != ShareKind::figure || !uses_amount(*p.share)) {
        diags.add(Diag::share_without_amount, p.share_loc,
                  fmt::format("a share splits the benefit's amount, and '{}' has none: add the amount, or leave "
                              "its payers without shares", b.id));
        return;
      }
    return;
  }
  shares_cannot_add_up(b, diags);
}

}  // namespace fuzhu
