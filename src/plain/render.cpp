// Benefits and definitions as sentences (render.hpp): the parts in the order
// a reviewer checks them against the document — 条件, 对象, 金额 (or 内容),
// 出资, 形式.
#include "plain/render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "plain/phrase.hpp"

namespace fuzhu::plain {

namespace {

class BenefitWriter {
 public:
  BenefitWriter(const Program& program, Lang lang) : p_(program), lang_(lang), w_(words(lang)), say_(program, lang) {}

  PlainRule benefit(const ast::Benefit& b) const {
    PlainRule rule;
    rule.id = b.id;
    rule.title = b.title;
    if (b.condition) rule.condition = say_.condition(*b.condition, w_.person);
    rule.recipient = recipient(b);
    rule.amount = amount(b);
    rule.payers = payers(b);
    rule.form = form(b);
    std::vector<std::pair<std::string_view, const std::string*>> parts{
        {w_.condition, &rule.condition}, {w_.recipient, &rule.recipient}, {w_.amount, &rule.amount}};
    std::string grants = b.grants;
    if (!b.grants.empty()) parts.emplace_back(w_.grants, &grants);
    std::string paid_to = b.paid_to;
    if (!b.paid_to.empty()) parts.emplace_back(w_.paid_to, &paid_to);
    parts.emplace_back(w_.payers, &rule.payers);
    parts.emplace_back(w_.form, &rule.form);
    for (const auto& [label, text] : parts) {
      if (text->empty()) continue;
      if (!rule.text.empty()) rule.text += w_.separator;
      rule.text += fmt::format("{}{}{}", label, w_.label_sep, *text);
    }
    return rule;
  }

  BenefitPieces pieces(const ast::Benefit& b) const {
    BenefitPieces out;
    if (b.condition) out.conditions = say_.conditions(*b.condition, w_.person);
    out.recipient = recipient(b);
    out.scheduled = b.amount && b.amount->kind == ast::ExprKind::schedule;
    if (out.scheduled) {
      // Each row as the whole amount would say it alone, minimum and period included.
      for (const auto& row : b.amount->schedule) out.amount.push_back({row.from, amount_of(b, *row.result)});
    } else if (std::string text = amount(b); !text.empty()) {
      out.amount.push_back({std::nullopt, std::move(text)});
    }
    out.grants = b.grants;
    out.paid_to = b.paid_to;
    out.payers = payer_items(b);
    out.form = form(b);
    if (!b.cite.empty()) out.cites = b.quote.empty() ? b.cite : fmt::format(fmt::runtime(zh() ? "{}「{}」" : "{} “{}”"), b.cite, b.quote);
    return out;
  }

  std::vector<std::string> definition_pieces(const ast::Definition& d) const {
    if (d.value->type.kind == ast::TypeKind::boolean) return say_.conditions(*d.value, w_.person);
    return {say_.value(*d.value, w_.person)};
  }

  PlainRule definition(const ast::Definition& d) const {
    PlainRule rule;
    rule.id = d.name;
    rule.title = d.label;
    rule.text = d.value->type.kind == ast::TypeKind::boolean ? say_.condition(*d.value, w_.person)
                                                              : say_.value(*d.value, w_.person);
    return rule;
  }

 private:
  const Program& p_;
  Lang lang_;
  const Words& w_;
  Phrases say_;

  bool zh() const { return lang_ == Lang::zh; }

  // "at least " before a figure, "at least" before a colon.
  static std::string_view trimmed(std::string_view word) {
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    return word;
  }

  // 夫妻每人，须本人年满60周岁
  std::string recipient(const ast::Benefit& b) const {
    std::string who;
    switch (b.recipient) {
      case ast::RecipientKind::household: who = w_.household; break;
      case ast::RecipientKind::each_parent: who = w_.each_parent; break;
      case ast::RecipientKind::each_member: who = w_.each_member; break;
      case ast::RecipientKind::each_deceased_parent: who = w_.each_deceased_parent; break;
      case ast::RecipientKind::root: {
        const ast::RootDecl& r = *p_.roots[static_cast<std::size_t>(b.recipient_index)];
        who = zh() && !r.label.empty() ? r.label : "the " + r.name;
        break;
      }
    }
    if (b.where) who += std::string(w_.where) + say_.condition(*b.where, w_.person);
    return who;
  }

  // What goes around each figure: 每月 and 不低于 before it in Chinese; in
  // English "at least" before and " a month" after.
  Figure figure(const ast::Benefit& b, bool minimum) const {
    Figure f;
    std::string period = b.period ? std::string(period_word(w_, *b.period)) : "";
    if (zh()) {
      f.before = period + (minimum ? std::string(w_.at_least) : "");
    } else {
      f.before = minimum ? std::string(w_.at_least) : "";
      f.after = period.empty() ? "" : " " + period;
    }
    return f;
  }

  std::string amount(const ast::Benefit& b) const {
    if (!b.amount) {
      if (!b.grants.empty() && !b.period) return "";
      std::string none(w_.no_figure);
      if (!b.period) return none;
      std::string period(period_word(w_, *b.period));
      return zh() ? fmt::format("{}，{}", period, none) : fmt::format("{}, {}", period, none);
    }
    return amount_of(b, *b.amount);
  }

  // `value` as the benefit's amount: its period and minimum around the figures.
  std::string amount_of(const ast::Benefit& b, const ast::Expr& value) const {
    // A minimum over bands is said once, before them; over one figure, with it.
    bool banded = Phrases::banded(value);
    std::string text = say_.amount(value, figure(b, b.minimum && !banded), w_.person);
    if (b.minimum && banded) text = fmt::format("{}{}{}", trimmed(w_.at_least), w_.label_sep, text);
    return text;
  }

  std::string form(const ast::Benefit& b) const {
    std::string text;
    if (b.amount) text = b.in_kind ? w_.in_kind : w_.cash;
    if (b.discretionary) text += (text.empty() ? "" : std::string(zh() ? "，" : ", ")) + std::string(w_.discretionary);
    return text;
  }

  // 省级特别扶助资金每月390元（…）；其余部分：市财政40%、区财政60%（区县类型为市辖区）
  std::string payers(const ast::Benefit& b) const {
    // Payers that always pay read as one list: 区卫生健康局、区计生协会; 省级财政30%、市级财政30%.
    bool together = std::none_of(b.payers.begin(), b.payers.end(), [](const ast::PayerDecl& payer) {
      return payer.condition != nullptr || (payer.share && Phrases::banded(*payer.share));
    });
    return fmt::format("{}", fmt::join(payer_items(b), together ? w_.list : w_.separator));
  }

  // Each payer, or each run of payers sharing by parts under one condition.
  std::vector<std::string> payer_items(const ast::Benefit& b) const {
    std::vector<std::string> out;
    bool before_parts = false;  // a figure or percentage comes first: parts share the rest
    for (std::size_t i = 0; i < b.payers.size();) {
      const ast::PayerDecl& payer = b.payers[i];
      if (payer.share_kind == ast::ShareKind::parts) {
        std::size_t end = i;
        std::string when = payer.condition ? say_.condition(*payer.condition, w_.person) : "";
        std::int64_t total = 0;
        while (end < b.payers.size() && b.payers[end].share_kind == ast::ShareKind::parts &&
               (b.payers[end].condition ? say_.condition(*b.payers[end].condition, w_.person) : "") == when)
          total += b.payers[end++].parts;
        std::vector<std::string> shares;
        for (std::size_t k = i; k < end; ++k) shares.push_back(b.payers[k].name + parts_share(b.payers[k].parts, total));
        std::string text = fmt::format("{}", fmt::join(shares, w_.list));
        if (before_parts) text = fmt::format("{}{}{}", w_.rest_shared, w_.label_sep, text);
        if (!when.empty()) text += fmt::format("{}{}{}", w_.note_open, when, w_.close);
        out.push_back(std::move(text));
        i = end;
        continue;
      }
      std::string text = payer.name;
      switch (payer.share_kind) {
        case ast::ShareKind::figure:
          text += (Phrases::banded(*payer.share) ? std::string(w_.label_sep) : zh() ? "" : " ") +
                  say_.amount(*payer.share, figure(b, false), w_.person);
          before_parts = true;
          break;
        case ast::ShareKind::percent:
          text += (zh() ? "" : " ") + percent(payer.percent_ppm);
          before_parts = true;
          break;
        default: break;
      }
      if (payer.condition) text += fmt::format("{}{}{}", w_.note_open, say_.condition(*payer.condition, w_.person), w_.close);
      out.push_back(std::move(text));
      ++i;
    }
    return out;
  }

  // Parts read as percentages of what they share (4 份 and 6 份: 40%, 60%),
  // or as a fraction when a percentage would not be exact.
  std::string parts_share(std::int64_t parts, std::int64_t total) const {
    std::string space = zh() ? "" : " ";
    if (total > 0 && (parts * 1000000) % total == 0) return space + percent(parts * 1000000 / total);
    return fmt::format("{}{}/{}", space, parts, total);
  }

  static std::string percent(std::int64_t ppm) {
    std::string text = fmt::format("{}", ppm / 10000);
    if (std::int64_t rest = ppm % 10000) {
      std::string digits = fmt::format("{:04}", rest);
      while (!digits.empty() && digits.back() == '0') digits.pop_back();
      text += "." + digits;
    }
    return text + "%";
  }
};

}  // namespace

PlainText render(const Program& program, Lang lang) {
  BenefitWriter writer(program, lang);
  PlainText out;
  for (const ast::Benefit* b : program.benefits) out.benefits.push_back(writer.benefit(*b));
  for (std::size_t i = 0; i < program.definitions.size(); ++i) out.definitions.push_back(writer.definition(*program.definitions[i]));
  return out;
}

PlainRule render_benefit(const Program& program, const ast::Benefit& benefit, Lang lang) {
  return BenefitWriter(program, lang).benefit(benefit);
}

BenefitPieces benefit_pieces(const Program& program, const ast::Benefit& benefit, Lang lang) {
  return BenefitWriter(program, lang).pieces(benefit);
}

PlainRule render_definition(const Program& program, const ast::Definition& definition, Lang lang) {
  return BenefitWriter(program, lang).definition(definition);
}

std::vector<std::string> definition_pieces(const Program& program, const ast::Definition& definition, Lang lang) {
  return BenefitWriter(program, lang).definition_pieces(definition);
}

}  // namespace fuzhu::plain
