// Source text → PEGTL parse tree → AST.
#include "syntax/parser.hpp"

#include <charconv>

#include <fmt/format.h>
#include <tao/pegtl/contrib/limit_depth.hpp>

#include "eval/period.hpp"
#include "limits.hpp"
#include "syntax/deceptive.hpp"
#include "syntax/messages.hpp"
#include "syntax/syntax_tree.hpp"

namespace fuzhu {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using Node = syntax_tree::Node;

// ------------------------------------------------------- the parse tree

template <typename Rule>
using selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<
        g::name, g::field_name, g::date_lit, g::loose_date_lit, g::duration_lit, g::percent_lit, g::money_lit,
        g::number_lit, g::string_lit, g::int_lit, g::true_lit,
        g::false_lit, g::today_lit, g::person_ref, g::amount_ref, g::op_eq, g::op_double_eq, g::op_ne, g::op_lt, g::op_le, g::op_gt,
        g::op_ge, g::op_add, g::op_sub, g::op_mul, g::op_div, g::match_expr, g::match_arm,
        g::else_arm, g::arm_values, g::if_expr, g::tier_expr, g::tier_arm, g::range_low,
        g::range_high, g::schedule_expr, g::schedule_arm, g::quantified_expr, g::kw_any, g::kw_all,
        g::kw_parent, g::kw_member, g::call_expr, g::field_access, g::negate, g::in_set, g::not_op,
        g::policy_decl, g::header_title, g::document_field, g::issuer_field, g::issuer_inferred, g::issued_field,
        g::not_transcribed_decl, g::not_transcribed_clause, g::not_transcribed_reason,
        g::in_force_field, g::force_from, g::force_to, g::force_for, g::jurisdiction_field, g::status_field,
        g::kw_final, g::kw_draft, g::enum_decl, g::enum_values, g::enum_value, g::record_decl,
        g::record_base, g::field_decl, g::bool_type, g::int_type, g::int_range, g::money_type,
        g::date_type, g::string_type, g::inline_enum, g::named_type, g::field_default,
        g::facts_decl, g::root_decl, g::optional_mark, g::define_decl, g::benefit_decl,
        g::benefit_id, g::benefit_title, g::cite_clause, g::when_clause, g::to_clause,
        g::each_parent, g::each_member, g::each_deceased_parent, g::where_clause, g::named_recipient, g::pay_clause,
        g::kw_monthly, g::kw_yearly, g::kw_once, g::at_least, g::grants_clause,
        g::discretionary_clause, g::paid_by_clause, g::payer, g::payer_name, g::payer_share,
        g::percent_share, g::parts_share, g::payer_when, g::paid_to_clause, g::in_kind_clause, g::use_decl, g::decl_label, g::role_item, g::role_target, g::kw_birth,
        g::kw_alive, g::kw_deceased_when, g::kw_region, g::kw_event, g::kw_age_else, g::extend_record,
        g::extend_facts>,
    pegtl::parse_tree::fold_one::on<g::postfix, g::unary, g::product, g::sum, g::comparison,
                                    g::negation, g::conjunction, g::disjunction, g::primary,
                                    g::paren_expr>>;

// Bounds the parser's recursion, so a hostile file cannot exhaust the stack.
template <typename Rule>
struct depth_limit : pegtl::limit_depth<limits::max_parser_depth> {};

// -------------------------------------------------------------- lowering

namespace {

class Lowering {
 public:
  Lowering(int file, Diagnostics& diags, std::string_view text) : file_(file), diags_(diags), text_(text) {}

  std::unique_ptr<ast::File> file(const Node& root) {
    auto out = std::make_unique<ast::File>();
    for (const auto& child : root.children) item(*child, *out);
    return out;
  }

 private:
  int file_;
  Diagnostics& diags_;
  std::string_view text_;  // the file, for the comments above a benefit
  std::size_t depth_ = 0;
  bool depth_reported_ = false;

  Loc loc(const Node& n) const { return Loc{file_, n.begin_byte()}; }

  static std::string unquote(const Node& n) {
    std::string_view s = n.string_view();
    if (s.size() >= 2 && s.find('\\') == std::string_view::npos) return std::string(s.substr(1, s.size() - 2));
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
      if (s[i] == '\\' && i + 2 < s.size()) {
        ++i;
        out += s[i] == 'n' ? '\n' : s[i];
      } else {
        out += s[i];
      }
    }
    return out;
  }

  std::optional<Date> date(const Node& n) {
    auto d = Date::parse(n.string_view());
    if (!d) diags_.add(Diag::not_a_calendar_day, loc(n), fmt::format("{} is not a day of the calendar", n.string_view()));
    return d;
  }

  std::int64_t integer(const Node& n) {
    std::int64_t value = 0;
    std::string_view s = n.string_view();
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || p != s.data() + s.size() || value > limits::max_integer)
      diags_.add(Diag::number_too_large, loc(n), fmt::format("the number {} is too large (at most {})", s, limits::max_integer));
    return value;
  }

  // 1 年, 6 个月, 30 days: the count, then the unit after any blanks.
  Duration duration(const Node& n) {
    std::string_view s = n.string_view();
    const std::size_t digits = s.find_first_not_of("0123456789");
    Duration d;
    std::int64_t value = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + digits, value);
    if (ec != std::errc() || value > limits::max_integer)
      diags_.add(Diag::number_too_large, loc(n), fmt::format("the number {} is too large (at most {})", s.substr(0, digits), limits::max_integer));
    else
      d.count = value;
    std::string_view unit = s.substr(s.find_first_not_of(" \t", digits));
    const char first = static_cast<char>(unit[0] | 0x20);  // ASCII letters, any case
    if (unit.starts_with("\xE5\xB9\xB4") || first == 'y') d.unit = DurationUnit::years;   // 年
    else if (unit.starts_with("\xE6\x97\xA5") || unit.starts_with("\xE5\xA4\xA9") || first == 'd')  // 日 天
      d.unit = DurationUnit::days;
    else d.unit = DurationUnit::months;                                                       // 个月 月 month
    return d;
  }

  // 1.5 or 40%: a rate, kept exactly in millionths. A percentage has at most
  // four decimals (12.3456%), any other rate six.
  ast::ExprPtr rate(const Node& n, bool percent) {
    auto e = make(ast::ExprKind::rate, n);
    std::string_view s = n.string_view();
    s = s.substr(0, s.find_first_not_of("0123456789."));
    const std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot), fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    const std::size_t places = percent ? 4 : 6;
    std::int64_t value = 0;
    auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
    if (ec != std::errc() || value > limits::max_integer) {
      diags_.add(Diag::number_too_large, loc(n), fmt::format("the number {} is too large (at most {})", whole, limits::max_integer));
      return e;
    }
    if (fraction.size() > places) {
      diags_.add(Diag::bad_rate, loc(n), fmt::format("{} has too many decimals: a rate has at most 6, a percentage 4",
                                                    n.string_view()));
      return e;
    }
    std::int64_t scaled = value;
    for (std::size_t i = 0; i < places; ++i) scaled = scaled * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    e->number = scaled;  // millionths: a percentage's ten-thousandths of a percent are millionths too
    return e;
  }

  // 2023-7-1, 2023/7/1, 2023年7月1日: say how dates are written.
  ast::ExprPtr loose_date(const Node& n) {
    auto e = make(ast::ExprKind::date, n);
    int parts[3] = {0, 0, 0};
    int part = 0;
    bool in_number = false;
    for (char c : n.string_view()) {
      if (c >= '0' && c <= '9') {
        parts[part] = parts[part] * 10 + (c - '0');
        in_number = true;
      } else if (in_number) {
        in_number = false;
        if (part < 2) ++part;
      }
    }
    const std::string iso = fmt::format("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
    if (auto d = Date::from_ymd(parts[0], parts[1], parts[2])) {
      e->number = d->days_since_epoch();
      diags_.add(Diag::date_not_iso, loc(n), fmt::format("write a date as YYYY-MM-DD, with two-digit months and days: {}", iso));
    } else {
      diags_.add(Diag::date_not_iso, loc(n), fmt::format("write a date as YYYY-MM-DD, with two-digit months and days; "
                                                       "{} is not a day of the calendar", iso));
    }
    return e;
  }

  // ---- items

  void item(const Node& n, ast::File& out) {
    if (n.is_type<g::use_decl>()) {
      out.uses.push_back({unquote(*n.children[0]), loc(n)});
    } else if (n.is_type<g::policy_decl>()) {
      if (out.header) diags_.add(Diag::second_header, loc(n), "a file has at most one policy header");
      out.header = header(n);
    } else if (n.is_type<g::enum_decl>()) {
      auto e = enumeration(*n.children.back());
      e->name = n.children[0]->string();
      e->label = label(n);
      e->loc = loc(n);
      out.enums.push_back(std::move(e));
    } else if (n.is_type<g::record_decl>()) {
      out.records.push_back(record(n));
    } else if (n.is_type<g::facts_decl>()) {
      if (out.has_facts) diags_.add(Diag::second_facts_block, loc(n), "the facts are declared once");
      out.has_facts = true;
      out.facts_loc = loc(n);
      for (const auto& r : n.children) out.roots.push_back(root(*r));
    } else if (n.is_type<g::extend_record>() || n.is_type<g::extend_facts>()) {
      extension(n, out);
    } else if (n.is_type<g::define_decl>()) {
      out.definitions.push_back(definition(n));
    } else if (n.is_type<g::not_transcribed_decl>()) {
      out.not_transcribed.push_back({unquote(*n.children[0]->children[0]), unquote(*n.children[1]->children[0]), loc(n)});
    } else if (n.is_type<g::benefit_decl>()) {
      out.benefits.push_back(benefit(n));
    }
  }

  ast::Header header(const Node& n) {
    ast::Header h;
    h.loc = loc(n);
    for (const auto& f : n.children) {
      const Node& value = f->children.empty() ? *f : *f->children[0];
      if (f->is_type<g::header_title>()) h.title = unquote(value);
      else if (f->is_type<g::document_field>()) h.document = unquote(value);
      else if (f->is_type<g::issuer_field>()) {
        h.issuer = unquote(value);
        h.issuer_inferred = f->children.size() > 1;
      } else if (f->is_type<g::cite_clause>()) h.cites.push_back(cite(*f));
      else if (f->is_type<g::jurisdiction_field>()) h.jurisdiction = unquote(value);
      else if (f->is_type<g::issued_field>()) h.issued = date(value);
      else if (f->is_type<g::status_field>()) h.status = value.is_type<g::kw_draft>() ? "draft" : "final";
      else if (f->is_type<g::in_force_field>()) {
        for (const auto& end : f->children) {
          const Node& d = *end->children[0];
          if (end->is_type<g::force_from>()) h.from = date(d), h.from_loc = loc(d);
          else if (end->is_type<g::force_to>()) h.to = date(d), h.to_loc = loc(d);
          else in_force_for(d, h);
        }
      }
    }
    return h;
  }

  ast::Cite cite(const Node& clause) {
    ast::Cite c{unquote(*clause.children[0]), "", loc(clause)};
    if (clause.children.size() > 1) c.quote = unquote(*clause.children[1]);
    return c;
  }

  // name ["label"] = expr [cites "…" ["…"]]
  ast::Definition definition(const Node& n) {
    ast::Definition def{n.children[0]->string(), loc(*n.children[0]), nullptr, label(n), std::nullopt};
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      if (c.is_type<g::cite_clause>()) def.cite = cite(c);
      else if (!c.is_type<g::decl_label>()) def.value = expr(c);
    }
    return def;
  }

  // The label among a declaration's children (decl_label), or "".
  static std::string label(const Node& n) {
    for (const auto& c : n.children)
      if (c->is_type<g::decl_label>()) return unquote(*c->children[0]);
    return {};
  }

  // `in force from D for N 年` (有效期N年): D is the first day in force and
  // D + N the first day no longer in force, so the last day is D + N − 1 day
  // (LANGUAGE-DESIGN.md): 2020-01-01 for 5 年 ends 2024-12-31.
  void in_force_for(const Node& n, ast::Header& h) {
    const Duration period = duration(n);
    h.period = period.to_string();
    h.to_loc = loc(n);
    if (!h.from) return;
    std::optional<Date> end = shift(*h.from, period);
    if (end) end = shift(*end, Duration{1, DurationUnit::days}, -1);
    if (!end) {
      diags_.add(Diag::not_a_calendar_day, loc(n), fmt::format("{} after {} is past the calendar's last year, 9999",
                                                             period.to_string(), h.from->to_string()));
      return;
    }
    h.to = end;
  }

  std::unique_ptr<ast::EnumDecl> enumeration(const Node& values) {
    auto e = std::make_unique<ast::EnumDecl>();
    e->loc = loc(values);
    for (const auto& v : values.children) {
      ast::EnumValue ev{v->children[0]->string(), "", loc(*v)};
      if (v->children.size() > 1) ev.label = unquote(*v->children[1]);
      e->values.push_back(std::move(ev));
    }
    return e;
  }

  std::unique_ptr<ast::RecordDecl> record(const Node& n) {
    auto r = std::make_unique<ast::RecordDecl>();
    r->name = n.children[0]->string();
    r->loc = loc(n);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      if (c.is_type<g::record_base>()) {
        r->base = c.children[0]->string();
        r->base_loc = loc(*c.children[0]);
      } else if (c.is_type<g::decl_label>()) {
        r->label = unquote(*c.children[0]);
      } else {
        r->fields.push_back(field(c));
      }
    }
    return r;
  }

  // `extend record X { … }` or `extend facts { … }`.
  void extension(const Node& n, ast::File& out) {
    if (n.is_type<g::extend_facts>()) {
      for (const auto& r : n.children) {
        out.added_roots.push_back(root(*r));
        out.added_roots.back().added = true;
      }
      return;
    }
    auto e = std::make_unique<ast::Extension>();
    e->record = n.children[0]->string();
    e->loc = loc(n);
    e->record_loc = loc(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      e->fields.push_back(field(*n.children[i]));
      e->fields.back().added = true;
    }
    out.extensions.push_back(std::move(e));
  }

  static ast::RoleDecl role(const Node& item) {
    using R = ast::Role;
    ast::RoleDecl r;
    const Node& word = *item.children[0];
    if (word.is_type<g::kw_birth>()) r.role = R::birth;
    else if (word.is_type<g::kw_alive>()) r.role = R::alive;
    else if (word.is_type<g::kw_deceased_when>()) r.role = R::deceased_when;
    else if (word.is_type<g::kw_region>()) r.role = R::region;
    else if (word.is_type<g::kw_event>()) r.role = R::event;
    else if (word.is_type<g::kw_parent>()) r.role = R::parent;
    else if (word.is_type<g::kw_member>()) r.role = R::member;
    else r.role = R::age_else;
    return r;
  }

  // The role items among a field's or a root's children.
  std::vector<ast::RoleDecl> roles(const Node& n) const {
    std::vector<ast::RoleDecl> out;
    for (const auto& c : n.children) {
      if (!c->is_type<g::role_item>()) continue;
      ast::RoleDecl r = role(*c);
      r.loc = loc(*c);
      if (c->children.size() > 1) {
        const Node& target = *c->children[1]->children[0];
        r.target = target.string();
        r.target_loc = loc(target);
      }
      out.push_back(std::move(r));
    }
    return out;
  }

  ast::FieldDecl field(const Node& n) {
    ast::FieldDecl f;
    f.name = n.children[0]->string();
    f.loc = loc(n);
    const Node& t = *n.children[1];
    using K = ast::FieldTypeKind;
    if (t.is_type<g::bool_type>()) f.type_kind = K::boolean;
    else if (t.is_type<g::money_type>()) f.type_kind = K::money;
    else if (t.is_type<g::date_type>()) f.type_kind = K::date;
    else if (t.is_type<g::string_type>()) f.type_kind = K::string;
    else if (t.is_type<g::int_type>()) {
      f.type_kind = K::integer;
      if (!t.children.empty()) {
        f.int_low = integer(*t.children[0]->children[0]);
        f.int_high = integer(*t.children[0]->children[1]);
      }
    } else if (t.is_type<g::inline_enum>()) {
      f.type_kind = K::enumeration;
      f.inline_enum = enumeration(*t.children[0]);
      f.inline_enum->name = f.name;
    } else {
      f.type_kind = K::named;
      f.type_name = t.children[0]->string();
    }
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      if (c.is_type<g::decl_label>()) f.label = unquote(*c.children[0]);
      else if (c.is_type<g::field_default>()) f.default_value = expr(*c.children[0]);
    }
    f.roles = roles(n);
    return f;
  }

  ast::RootDecl root(const Node& n) {
    ast::RootDecl r;
    r.name = n.children[0]->string();
    r.loc = loc(n);
    const Node* type = n.children[1];
    if (type->is_type<g::optional_mark>()) {
      r.optional = true;
      type = n.children[2];
    }
    r.record_name = type->string();
    r.record_loc = loc(*type);
    r.label = label(n);
    r.roles = roles(n);
    return r;
  }

  // ---- benefits

  // The comment block directly above the line at `offset`: the readings a
  // transcriber wrote for the benefit there, kept for the review report.
  // It stops at a blank line or at code.
  std::string readings_above(std::size_t offset) const {
    std::size_t line_start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::vector<std::string_view> lines;
    while (line_start > 0) {
      const std::size_t end = line_start - 1;  // the '\n' ending the line above
      std::size_t begin = text_.rfind('\n', end == 0 ? 0 : end - 1);
      begin = begin == std::string_view::npos || end == 0 ? 0 : begin + 1;
      std::string_view line = text_.substr(begin, end - begin);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
      if (line.empty() || line.front() != '#') break;
      line.remove_prefix(1);
      if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      lines.push_back(line);
      line_start = begin;
    }
    std::string out;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) out += (out.empty() ? "" : "\n") + std::string(*it);
    return out;
  }

  ast::Benefit benefit(const Node& n) {
    ast::Benefit b;
    b.loc = loc(n);
    b.recipient_loc = b.loc;
    b.readings = readings_above(b.loc.offset);
    std::vector<std::string_view> seen;
    for (const auto& c : n.children) {
      if (c->is_type<g::benefit_id>()) {
        b.id = c->children[0]->string();
        continue;
      }
      if (c->is_type<g::benefit_title>()) {
        b.title = unquote(*c->children[0]);
        continue;
      }
      once_only(*c, seen);
      if (c->is_type<g::cite_clause>()) {
        b.cite = unquote(*c->children[0]);
        b.cite_loc = loc(*c);
        if (c->children.size() > 1) b.quote = unquote(*c->children[1]);
      } else if (c->is_type<g::when_clause>()) {
        b.condition = expr(*c->children[0]);
      } else if (c->is_type<g::to_clause>()) {
        recipient(*c, b);
      } else if (c->is_type<g::pay_clause>()) {
        pay(*c, b);
      } else if (c->is_type<g::grants_clause>()) {
        b.grants = unquote(*c->children[0]);
      } else if (c->is_type<g::discretionary_clause>()) {
        b.discretionary = true;
      } else if (c->is_type<g::in_kind_clause>()) {
        b.in_kind = true;
        b.in_kind_loc = loc(*c);
      } else if (c->is_type<g::paid_by_clause>()) {
        b.payers_loc = loc(*c);
        for (const auto& p : c->children) b.payers.push_back(payer(*p));
      } else if (c->is_type<g::paid_to_clause>()) {
        b.paid_to = unquote(*c->children[0]);
      }
    }
    return b;
  }

  void once_only(const Node& clause, std::vector<std::string_view>& seen) {
    std::string_view kind = clause.type;
    for (auto s : seen)
      if (s == kind) {
        diags_.add(Diag::clause_given_twice, loc(clause), "this clause is given twice in one benefit");
        return;
      }
    seen.push_back(kind);
  }

  void recipient(const Node& to, ast::Benefit& b) {
    b.recipient_loc = loc(to);
    using R = ast::RecipientKind;
    for (const auto& c : to.children) {
      if (c->is_type<g::each_parent>()) b.recipient = R::each_parent;
      else if (c->is_type<g::each_deceased_parent>()) b.recipient = R::each_deceased_parent;
      else if (c->is_type<g::each_member>()) b.recipient = R::each_member;
      else if (c->is_type<g::where_clause>()) b.where = expr(*c->children[0]);
      else if (c->is_type<g::named_recipient>()) {
        std::string who = c->children[0]->string();
        // `household` is the family as a whole; any other name is a facts
        // root, which the checker resolves (it must be a parent or member).
        b.recipient_loc = loc(*c);
        if (who == "household") {
          b.recipient = R::household;
        } else {
          b.recipient = R::root;
          b.recipient_root = std::move(who);
        }
      }
    }
  }

  void pay(const Node& n, ast::Benefit& b) {
    for (const auto& c : n.children) {
      if (c->is_type<g::kw_monthly>()) b.period = Period::monthly;
      else if (c->is_type<g::kw_yearly>()) b.period = Period::yearly;
      else if (c->is_type<g::kw_once>()) b.period = Period::once;
      else if (c->is_type<g::at_least>()) b.minimum = true;
      else b.amount = expr(*c);
    }
  }

  ast::PayerDecl payer(const Node& n) {
    ast::PayerDecl p;
    p.loc = loc(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::payer_name>()) p.name = unquote(*c->children[0]);
      else if (c->is_type<g::payer_share>()) share(*c->children[0], p);
      else if (c->is_type<g::payer_when>()) p.condition = expr(*c->children[0]);
    }
    return p;
  }

  void share(const Node& n, ast::PayerDecl& p) {
    p.share_loc = loc(n);
    if (n.is_type<g::percent_share>()) {
      p.share_kind = ast::ShareKind::percent;
      p.percent_ppm = percent(n);
    } else if (n.is_type<g::parts_share>()) {
      p.share_kind = ast::ShareKind::parts;
      p.parts = integer(*n.children[0]);
      if (p.parts == 0) diags_.add(Diag::zero_parts, loc(n), "a payer's parts are a whole number of 1 or more: 0 份 would pay nothing; leave the payer out");
    } else {
      p.share_kind = ast::ShareKind::figure;
      p.share = expr(n);
    }
  }

  // "40%" → 400000 millionths; at most four decimals ("12.3456%").
  std::int64_t percent(const Node& n) {
    std::string_view s = n.string_view();
    s = s.substr(0, s.find_first_not_of("0123456789."));
    std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot), decimals = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    std::int64_t value = 0;
    auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
    if (ec != std::errc() || p != whole.data() + whole.size() || value > limits::max_integer || decimals.size() > 4) {
      diags_.add(Diag::bad_percentage, loc(n), "a percentage is a number of at most 1000000000 with at most four decimals, such as 40% or 12.5%");
      return 0;
    }
    value *= 10000;
    std::int64_t scale = 1000;
    for (char d : decimals) {
      value += (d - '0') * scale;
      scale /= 10;
    }
    return value;
  }

  // ---- expressions

  ast::ExprPtr make(ast::ExprKind kind, const Node& n) {
    auto e = std::make_unique<ast::Expr>();
    e->kind = kind;
    e->loc = loc(n);
    e->text_begin = n.begin_byte();
    e->text_end = text_end(n);
    return e;
  }

  // Where a node's text ends. A node folded with several children (a chain,
  // `not x`) keeps no end of its own: its last child's end is used instead.
  static std::uint32_t text_end(const Node& n) {
    if (n.has_content()) return n.end_byte();
    if (!n.children.empty()) return text_end(*n.children.back());
    return n.begin_byte();
  }

  static ast::BinaryOp binary_op(const Node& n) {
    using O = ast::BinaryOp;
    if (n.is_type<g::op_eq>() || n.is_type<g::op_double_eq>()) return O::eq;
    if (n.is_type<g::op_ne>()) return O::ne;
    if (n.is_type<g::op_lt>()) return O::lt;
    if (n.is_type<g::op_le>()) return O::le;
    if (n.is_type<g::op_gt>()) return O::gt;
    if (n.is_type<g::op_ge>()) return O::ge;
    if (n.is_type<g::op_add>()) return O::add;
    if (n.is_type<g::op_sub>()) return O::sub;
    if (n.is_type<g::op_mul>()) return O::mul;
    return O::div;
  }

  // A chain `a op b op c` as left-associated binary nodes. `op` is null for
  // and/or chains, whose operator nodes are not kept.
  ast::ExprPtr chain(const Node& n, std::optional<ast::BinaryOp> same_op) {
    if (n.children.size() / 2 + depth_ >= limits::max_expression_depth) {
      diags_.add(Diag::expression_too_deep, loc(n), fmt::format("this expression has too many operators (more than {}): split it into definitions", limits::max_expression_depth));
      return make(ast::ExprKind::boolean, n);
    }
    ast::ExprPtr left = expr(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size();) {
      ast::BinaryOp op;
      if (same_op) {
        op = *same_op;
      } else {
        op = binary_op(*n.children[i]);
        if (n.children[i]->is_type<g::op_double_eq>())
          diags_.add(Diag::double_equals, loc(*n.children[i]), "write '=' to compare: 'a = b' (fuzhu has no assignment, so no '==')");
        ++i;
      }
      auto e = make(ast::ExprKind::binary, *n.children[0]);  // at the left operand's start
      e->op = op;
      e->operands.push_back(std::move(left));
      e->operands.push_back(expr(*n.children[i]));
      ++i;
      e->text_begin = n.begin_byte();
      e->text_end = e->operands[1]->text_end;
      left = std::move(e);
    }
    return left;
  }

  // The AST's depth is bounded (chains such as `a and b and …` nest one level
  // an operator), so that checking and evaluating never exhaust the stack.
  ast::ExprPtr expr(const Node& n) {
    if (depth_ >= limits::max_expression_depth) {
      if (!depth_reported_) diags_.add(Diag::expression_too_deep, loc(n), fmt::format("this expression is too long or nests too deeply (more than {} levels): split it into definitions", limits::max_expression_depth));
      depth_reported_ = true;
      return make(ast::ExprKind::boolean, n);
    }
    ++depth_;
    ast::ExprPtr e = lower_expr(n);
    --depth_;
    return e;
  }

  ast::ExprPtr lower_expr(const Node& n) {
    using K = ast::ExprKind;
    if (n.is_type<g::disjunction>()) return chain(n, ast::BinaryOp::or_);
    if (n.is_type<g::conjunction>()) return chain(n, ast::BinaryOp::and_);
    if (n.is_type<g::sum>() || n.is_type<g::product>()) return chain(n, std::nullopt);
    if (n.is_type<g::comparison>()) {
      if (n.children[1]->is_type<g::in_set>()) {
        auto e = make(K::in_set, n);
        e->operands.push_back(expr(*n.children[0]));
        e->arms.push_back(arm_values(*n.children[1]->children[0]));
        return e;
      }
      return chain(n, std::nullopt);
    }
    if (n.is_type<g::negation>()) {
      auto e = make(K::not_, n);
      e->operands.push_back(expr(*n.children[1]));
      return e;
    }
    if (n.is_type<g::negate>()) {
      auto e = make(K::negate, n);
      e->operands.push_back(expr(*n.children[1]));
      return e;
    }
    if (n.is_type<g::postfix>()) {
      if (n.children.size() + depth_ >= limits::max_expression_depth) {
        diags_.add(Diag::field_chain_too_long, loc(n), "this chain of fields is too long");
        return make(K::boolean, n);
      }
      ast::ExprPtr e = expr(*n.children[0]);
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        auto f = make(K::field, *n.children[i]);
        f->text = n.children[i]->children[0]->string();
        f->loc = loc(*n.children[i]->children[0]);  // at the field's name, not the '.'
        f->text_begin = n.begin_byte();
        f->text_end = text_end(*n.children[i]);
        f->operands.push_back(std::move(e));
        e = std::move(f);
      }
      return e;
    }
    if (n.is_type<g::field_access>()) {  // cannot stand alone; postfix handles it
      return make(K::boolean, n);
    }
    if (n.is_type<g::true_lit>() || n.is_type<g::false_lit>()) {
      auto e = make(K::boolean, n);
      e->boolean = n.is_type<g::true_lit>();
      return e;
    }
    if (n.is_type<g::today_lit>()) return make(K::today, n);
    if (n.is_type<g::person_ref>()) return make(K::person, n);
    if (n.is_type<g::amount_ref>()) return make(K::amount, n);
    if (n.is_type<g::number_lit>()) {
      if (n.string_view().find('.') != std::string_view::npos) return rate(n, false);
      auto e = make(K::integer, n);
      e->number = integer(n);
      return e;
    }
    if (n.is_type<g::percent_lit>()) return rate(n, true);
    if (n.is_type<g::duration_lit>()) {
      auto e = make(K::duration, n);
      e->number = duration(n).encode();
      return e;
    }
    if (n.is_type<g::loose_date_lit>()) return loose_date(n);
    if (n.is_type<g::money_lit>()) {
      auto e = make(K::money, n);
      std::string_view s = n.string_view();
      std::size_t end = s.find_first_not_of("0123456789.");
      auto m = Money::parse(s.substr(0, end));
      if (!m || m->fen > limits::max_money_fen)
        diags_.add(Diag::bad_money_literal, loc(n), fmt::format("an amount has at most two decimals and is at most {} yuan (the money limit)",
                                          limits::max_money_fen / 100));
      else
        e->number = m->fen;
      return e;
    }
    if (n.is_type<g::date_lit>()) {
      auto e = make(K::date, n);
      if (auto d = date(n)) e->number = d->days_since_epoch();
      return e;
    }
    if (n.is_type<g::string_lit>()) {
      auto e = make(K::string, n);
      e->text = unquote(n);
      return e;
    }
    if (n.is_type<g::name>() || n.is_type<g::field_name>()) {
      auto e = make(K::name, n);
      e->text = n.string();
      return e;
    }
    if (n.is_type<g::call_expr>()) {
      auto e = make(K::call, n);
      e->text = n.children[0]->string();
      for (std::size_t i = 1; i < n.children.size(); ++i) e->operands.push_back(expr(*n.children[i]));
      return e;
    }
    if (n.is_type<g::match_expr>()) {
      auto e = make(K::match, n);
      e->operands.push_back(expr(*n.children[0]));
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& arm = *n.children[i];
        if (arm.is_type<g::else_arm>()) {
          e->otherwise = expr(*arm.children[0]);
        } else {
          ast::MatchArm a = arm_values(*arm.children[0]);
          a.result = expr(*arm.children[1]);
          e->arms.push_back(std::move(a));
        }
      }
      return e;
    }
    if (n.is_type<g::if_expr>()) {
      auto e = make(K::if_, n);
      for (const auto& c : n.children) e->operands.push_back(expr(*c));
      return e;
    }
    if (n.is_type<g::tier_expr>()) {
      auto e = make(K::tier, n);
      e->operands.push_back(expr(*n.children[0]));
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& arm = *n.children[i];
        ast::TierArm t;
        t.loc = loc(arm);
        for (std::size_t k = 0; k + 1 < arm.children.size(); ++k) {
          const Node& bound = *arm.children[k];
          if (bound.is_type<g::range_low>()) t.low = integer(*bound.children[0]);
          else t.high = integer(*bound.children[0]);
        }
        t.result = expr(*arm.children.back());
        e->tiers.push_back(std::move(t));
      }
      return e;
    }
    if (n.is_type<g::schedule_expr>()) {
      auto e = make(K::schedule, n);
      for (const auto& arm : n.children) {
        ast::ScheduleArm s;
        s.loc = loc(*arm);
        if (auto d = date(*arm->children[0])) s.from = *d;
        s.result = expr(*arm->children[1]);
        e->schedule.push_back(std::move(s));
      }
      return e;
    }
    if (n.is_type<g::quantified_expr>()) {
      auto e = make(K::quantified, n);
      e->quantifier_all = n.children[0]->is_type<g::kw_all>();
      e->over_members = n.children[1]->is_type<g::kw_member>();
      e->operands.push_back(expr(*n.children[2]));
      return e;
    }
    diags_.add(Diag::internal_syntax, loc(n), fmt::format("internal error: unexpected syntax node {}", n.type));
    return make(K::boolean, n);
  }

  ast::MatchArm arm_values(const Node& n) {
    ast::MatchArm a;
    for (const auto& v : n.children) {
      a.values.push_back(v->string());
      a.value_locs.push_back(loc(*v));
    }
    return a;
  }
};

}  // namespace

std::unique_ptr<ast::File> parse_file(const SourceSet& sources, int file, Diagnostics& diags) {
  const SourceFile& src = sources.file(file);
  const std::string& text = src.text();
  if (text.size() > limits::max_policy_bytes) {
    diags.add(Diag::policy_too_large, Loc{file, 0}, fmt::format("the file is {} bytes; a policy may be at most {} bytes",
                                          text.size(), limits::max_policy_bytes));
    return nullptr;
  }
  std::size_t bad = 0;
  if (!valid_utf8(text, bad)) {
    diags.add(Diag::not_utf8, Loc{file, static_cast<std::uint32_t>(bad)},
                "this is not UTF-8 text: save the file as UTF-8");
    return nullptr;
  }
  if (!check_deceptive_characters(sources, file, diags)) return nullptr;
  // No source name for PEGTL: every parse-tree node would copy it (a heap
  // allocation a node for a long path); locations come from byte offsets.
  // Lazy tracking: nothing counts lines and columns as the parser moves; a
  // syntax error's place is worked out once, from its byte offset.
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
  try {
    auto tree = syntax_tree::parse<g::file, selector, depth_limit, g::control>(in);
    if (!tree) {
      diags.add(Diag::expected, Loc{file, 0}, "expected a declaration: policy, benefit, define, enum, record, facts, extend or use");
      return nullptr;
    }
    return Lowering(file, diags, text).file(tree->root());
  } catch (const pegtl::parse_error& e) {
    const auto& pos = e.positions().front();
    std::string message(e.message());
    Diag code = Diag::expected;
    if (message.find("nesting depth") != std::string::npos) {
      message = "this nests too deeply: split the expression into definitions";
      code = Diag::nesting_too_deep;
    }
    diags.add(code, Loc{file, static_cast<std::uint32_t>(pos.byte)}, std::move(message));
    return nullptr;
  }
}

}  // namespace fuzhu
