#include "versions/plain_diff.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "plain/render.hpp"
#include "plain/words.hpp"
#include "versions/policy_diff.hpp"

namespace fuzhu::versions {

namespace {

// The words of a change, beside the rendering's own (plain/words.hpp).
struct ChangeWords {
  std::string_view open, close, arrow, added, removed, none, still, from, title, cites;
};

constexpr ChangeWords chinese{"「", "」", " → ", "新增", "删去", "无", "仍为", "自{}起", "名称", "依据"};
constexpr ChangeWords english{"“", "”", " → ", "added ", "removed ", "none", "still ", "from {}: ", "Title", "Cites"};

const ChangeWords& change_words(Lang lang) { return lang == Lang::en ? english : chinese; }

// The lines of a list that changed (conditions, payers): as many replaced as
// put in their place read pairwise, 「市财政40%」 → 「市财政50%」; otherwise
// each removed and added on its own.
std::vector<std::string> list_changes(const std::vector<std::string>& before, const std::vector<std::string>& after,
                                      Lang lang) {
  const ChangeWords& w = change_words(lang);
  const std::vector<Line> lines = diff_lines(before, after);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].mark == ' ') {
      ++i;
      continue;
    }
    std::size_t removed_end = i;
    while (removed_end < lines.size() && lines[removed_end].mark == '-') ++removed_end;
    std::size_t added_end = removed_end;
    while (added_end < lines.size() && lines[added_end].mark == '+') ++added_end;
    if (removed_end - i == added_end - removed_end) {
      for (std::size_t k = i; k < removed_end; ++k)
        out.push_back(arrow(quoted(lines[k].text, lang), quoted(lines[k + (removed_end - i)].text, lang), lang));
    } else {
      for (std::size_t k = i; k < added_end; ++k)
        out.push_back(fmt::format("{}{}", lines[k].mark == '-' ? w.removed : w.added, quoted(lines[k].text, lang)));
    }
    i = added_end;
  }
  return out;
}

std::string or_none(const std::string& text, Lang lang) { return text.empty() ? std::string(change_words(lang).none) : text; }

std::string from_date(const Date& d, Lang lang) { return fmt::format(fmt::runtime(change_words(lang).from), d.to_string()); }

// The row of a schedule in force on `day`: the last one from `day` or before.
const plain::AmountRow* in_force(const std::vector<plain::AmountRow>& rows, const Date& day) {
  const plain::AmountRow* found = nullptr;
  for (const auto& row : rows)
    if (row.from && *row.from <= day) found = &row;
  return found;
}

const plain::AmountRow* row_from(const std::vector<plain::AmountRow>& rows, const Date& day) {
  for (const auto& row : rows)
    if (row.from == day) return &row;
  return nullptr;
}

// Two schedules, date by date: a new row reads as what it replaces from its
// date (每月490元 → 自2027-01-01起每月520元), a changed row as its two amounts,
// a removed row as what stays in force instead.
std::vector<std::string> schedule_changes(const std::vector<plain::AmountRow>& before,
                                          const std::vector<plain::AmountRow>& after, Lang lang) {
  std::vector<Date> days;
  for (const auto* rows : {&before, &after})
    for (const auto& row : *rows)
      if (row.from && std::find(days.begin(), days.end(), *row.from) == days.end()) days.push_back(*row.from);
  std::sort(days.begin(), days.end());
  const ChangeWords& w = change_words(lang);
  std::vector<std::string> out;
  for (const Date& day : days) {
    const plain::AmountRow* then = row_from(before, day);
    const plain::AmountRow* now = row_from(after, day);
    if (then && now && then->text != now->text) {
      out.push_back(from_date(day, lang) + arrow(then->text, now->text, lang));
    } else if (!then && now) {
      const plain::AmountRow* replaced = in_force(before, day);
      out.push_back(arrow(replaced ? replaced->text : std::string(w.none), from_date(day, lang) + now->text, lang));
    } else if (then && !now) {
      const plain::AmountRow* stays = in_force(after, day);
      out.push_back(arrow(from_date(day, lang) + then->text, stays ? std::string(w.still) + stays->text : std::string(w.none), lang));
    }
  }
  return out;
}

std::vector<std::string> amount_changes(const plain::BenefitPieces& before, const std::string& before_text,
                                        const plain::BenefitPieces& after, const std::string& after_text, Lang lang) {
  if (before.scheduled && after.scheduled) return schedule_changes(before.amount, after.amount, lang);
  if (before_text == after_text) return {};
  return {arrow(or_none(before_text, lang), or_none(after_text, lang), lang)};
}

std::vector<std::string> one_changed(const std::string& before, const std::string& after, Lang lang) {
  if (before == after) return {};
  return {arrow(or_none(before, lang), or_none(after, lang), lang)};
}

}  // namespace

std::string quoted(const std::string& text, Lang lang) {
  const ChangeWords& w = change_words(lang);
  return fmt::format("{}{}{}", w.open, text, w.close);
}

std::string arrow(const std::string& before, const std::string& after, Lang lang) {
  return fmt::format("{}{}{}", before, change_words(lang).arrow, after);
}

std::vector<PlainChange> plain_changes(const Program& before, const ast::Benefit& old_benefit, const Program& after,
                                       const ast::Benefit& new_benefit, Lang lang) {
  const plain::Words& w = plain::words(lang);
  const ChangeWords& cw = change_words(lang);
  const plain::BenefitPieces then = plain::benefit_pieces(before, old_benefit, lang);
  const plain::BenefitPieces now = plain::benefit_pieces(after, new_benefit, lang);
  const PlainRule then_rule = plain::render_benefit(before, old_benefit, lang);
  const PlainRule now_rule = plain::render_benefit(after, new_benefit, lang);
  // The order a reviewer checks a benefit against its clause (plain/render.cpp).
  const std::pair<std::pair<const char*, std::string_view>, std::vector<std::string>> parts[] = {
      {{"title", cw.title}, one_changed(old_benefit.title, new_benefit.title, lang)},
      {{"cites", cw.cites}, one_changed(then.cites, now.cites, lang)},
      {{"condition", w.condition}, list_changes(then.conditions, now.conditions, lang)},
      {{"recipients", w.recipient}, one_changed(then.recipient, now.recipient, lang)},
      {{"amount", w.amount}, amount_changes(then, then_rule.amount, now, now_rule.amount, lang)},
      {{"grants", w.grants}, one_changed(then.grants, now.grants, lang)},
      {{"paid to", w.paid_to}, one_changed(then.paid_to, now.paid_to, lang)},
      {{"payers", w.payers}, list_changes(then.payers, now.payers, lang)},
      {{"kind", w.form}, one_changed(then.form, now.form, lang)},
  };
  std::vector<PlainChange> out;
  for (const auto& [names, lines] : parts)
    for (const auto& line : lines) out.push_back({names.first, std::string(names.second), line});
  return out;
}

std::vector<std::string> plain_definition_changes(const Program& before, const ast::Definition& old_definition,
                                                  const Program& after, const ast::Definition& new_definition, Lang lang) {
  return list_changes(plain::definition_pieces(before, old_definition, lang),
                      plain::definition_pieces(after, new_definition, lang), lang);
}

std::string plain_benefit(const Program& program, const ast::Benefit& benefit, Lang lang) {
  return plain::render_benefit(program, benefit, lang).text;
}

std::string plain_definition(const Program& program, const ast::Definition& definition, Lang lang) {
  return plain::render_definition(program, definition, lang).text;
}

std::string header_label(const std::string& field, Lang lang) {
  if (lang == Lang::en) return field;
  const std::pair<const char*, const char*> labels[] = {
      {"title", "标题"},         {"document", "文号"},      {"issuer", "发文机关"},
      {"issued", "印发日期"},    {"in force from", "施行日期"}, {"in force for", "有效期"},
      {"in force to", "有效期至"}, {"jurisdiction", "适用地区"}, {"status", "状态"},
  };
  for (const auto& [name, label] : labels)
    if (field == name) return label;
  return field;
}

}  // namespace fuzhu::versions
