#include "report/script_figures.hpp"

#include <set>
#include <string>

#include "eval/period.hpp"

namespace fuzhu::report {

namespace {

constexpr std::int64_t whole_share_ppm = 1'000'000;  // 100%: a sole payer, not a figure of the law

class Walker {
 public:
  explicit Walker(const Program& program) : program_(program) {}

  // `threshold`: the integers here are compared against (ages, grades,
  // months), not factors of a product.
  void walk(const ast::Expr& e, bool threshold) {
    switch (e.kind) {
      case ast::ExprKind::money: add({FigureKind::money, e.number}, e.number != 0); return;
      case ast::ExprKind::date: add({FigureKind::date, e.number}, true); return;
      case ast::ExprKind::rate: add({FigureKind::percent, e.number}, e.number != whole_share_ppm); return;
      case ast::ExprKind::integer: add({FigureKind::number, e.number}, threshold && e.number != 0); return;
      case ast::ExprKind::duration: add({FigureKind::number, Duration::decode(e.number).count}, true); return;
      case ast::ExprKind::name: definition(e); return;
      case ast::ExprKind::tier: tier(e); return;
      case ast::ExprKind::schedule:
        for (const auto& row : e.schedule) add({FigureKind::date, row.from.days_since_epoch()}, true);
        break;
      default: break;
    }
    const bool arithmetic = e.kind == ast::ExprKind::binary &&
                            (e.op == ast::BinaryOp::add || e.op == ast::BinaryOp::sub ||
                             e.op == ast::BinaryOp::mul || e.op == ast::BinaryOp::div);
    const bool kids = e.kind == ast::ExprKind::binary ? !arithmetic : threshold;
    ast::for_each_child(e, [&](const ast::Expr& kid) { walk(kid, kids); });
  }

  void payer(const ast::PayerDecl& p) {
    if (p.share_kind == ast::ShareKind::percent) add({FigureKind::percent, p.percent_ppm}, p.percent_ppm != whole_share_ppm);
    // `1 份` is most often a sole payer's whole (县财政 : 1 份), not a figure of the law.
    if (p.share_kind == ast::ShareKind::parts) add({FigureKind::number, p.parts}, p.parts != 1);
    if (p.share) walk(*p.share, true);
    if (p.condition) walk(*p.condition, true);
  }

  // The definitions met so far, each walked once, after the own figures.
  std::vector<ScriptFigure> finish() {
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      const ast::Definition& d = *program_.definitions[static_cast<std::size_t>(pending_[k])];
      via_ = d.name;
      if (d.value) walk(*d.value, true);
    }
    return std::move(out_);
  }

 private:
  void add(Figure f, bool stated) { out_.push_back({f, stated && via_.empty(), via_}); }

  void definition(const ast::Expr& e) {
    if (e.name_kind != ast::NameKind::definition || e.resolved < 0 ||
        static_cast<std::size_t>(e.resolved) >= program_.definitions.size())
      return;
    if (seen_.insert(e.resolved).second) pending_.push_back(e.resolved);
  }

  void tier(const ast::Expr& e) {
    for (const auto& row : e.tiers) {
      if (row.low) add({FigureKind::number, *row.low}, *row.low != 0);
      if (row.high) add({FigureKind::number, *row.high}, true);
    }
    for (const auto& operand : e.operands) walk(*operand, true);
    for (const auto& row : e.tiers) walk(*row.result, false);
  }

  const Program& program_;
  std::vector<ScriptFigure> out_;
  std::string via_;
  std::set<int> seen_;
  std::vector<int> pending_;
};

}  // namespace

std::vector<ScriptFigure> figures_of(const Program& program, const ast::Benefit& b) {
  Walker w(program);
  if (b.condition) w.walk(*b.condition, true);
  if (b.where) w.walk(*b.where, true);
  if (b.amount) w.walk(*b.amount, false);
  for (const auto& p : b.payers) w.payer(p);
  return w.finish();
}

std::vector<ScriptFigure> figures_of(const Program& program, const ast::Definition& d) {
  Walker w(program);
  if (d.value) w.walk(*d.value, true);
  return w.finish();
}

std::vector<ScriptFigure> figures_of(const ast::Header& h) {
  std::vector<ScriptFigure> out;
  auto date = [&](const std::optional<Date>& d, bool stated) {
    if (d) out.push_back({{FigureKind::date, d->days_since_epoch()}, stated, ""});
  };
  date(h.issued, true);
  date(h.from, true);
  date(h.to, h.period.empty());
  if (!h.period.empty()) {  // "5 年"
    std::int64_t years = 0;
    for (char c : h.period) {
      if (c < '0' || c > '9') break;
      years = years * 10 + (c - '0');
    }
    out.push_back({{FigureKind::number, years}, true, ""});
  }
  return out;
}

}  // namespace fuzhu::report
