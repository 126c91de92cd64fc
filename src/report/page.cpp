// The review page: one self-contained HTML file a legal reviewer opens
// offline or prints. No script, no web font, no external asset; the CSS is
// inline (style.cpp). Every string from the policy or the document is
// escaped. From the top: the header with its version stamp, the warnings,
// what changed since the version last signed (--since), the whole document
// with each benefit under its clause, the definitions, and the lists of
// clauses not transcribed and not accounted for.
#include <fmt/format.h>

#include "report/html.hpp"
#include "report/page_parts.hpp"

namespace fuzhu::report {

std::string clause_anchor(int clause) { return fmt::format("clause-{}", clause); }
std::string benefit_anchor(const std::string& id) { return "benefit-" + escape(id); }
std::string definition_anchor(const std::string& name) { return "define-" + escape(name); }

std::string clause_link(const Pairing& pairing, int index) {
  return fmt::format("<a href=\"#{}\">{}</a>", clause_anchor(index),
                     escape(pairing.clauses[static_cast<std::size_t>(index)].label));
}

namespace {

std::string in_force_words(const ReviewHeader& h) {
  if (h.in_force_from.empty()) return "未写明";
  if (h.in_force_to.empty()) return h.in_force_from + " 起";
  if (!h.in_force_period.empty())  // the last day is computed from 有效期
    return h.in_force_from + " 起，有效期 " + h.in_force_period + "，至 " + h.in_force_to + "（计算所得 computed）";
  return h.in_force_from + " 至 " + h.in_force_to;
}

// The clauses the header cites (施行, 有效期), as links.
std::string header_cites(const Pairing& pairing) {
  std::vector<std::string> links;
  for (const OtherRow& row : pairing.others)
    if (row.citation->by == "policy")
      for (const Citation& c : row.citations)
        links.push_back(c.clause >= 0 ? clause_link(pairing, c.clause) : escape(c.label));
  return links.empty() ? "—" : fmt::format("{}", fmt::join(links, "、"));
}

std::size_t flagged_figures(const Pairing& p) {
  std::size_t n = 0;
  for (const auto& clause : p.figures)
    for (const ClauseFigure& f : clause) n += f.unused ? 1 : 0;
  for (const Row& row : p.rows)
    for (const FigureCheck& c : row.figures) n += c.clause < 0 ? 1 : 0;
  for (const OtherRow& row : p.others)
    for (const FigureCheck& c : row.figures) n += c.clause < 0 ? 1 : 0;
  return n;
}

std::string header_html(const Review& review, const Pairing& pairing) {
  const ReviewHeader& h = review.header;
  std::string out = fmt::format("<header class=\"policy-header\" id=\"{}\">\n", header_anchor);
  if (h.draft())
    out += "<div class=\"draft-banner\" id=\"draft-banner\" role=\"note\">草案 · 征求意见稿 DRAFT — "
           "本政策尚未生效，不具法律效力（status draft: not in force as law）</div>\n";
  out += fmt::format("<h1>{}</h1>\n<dl>\n", escape(h.title));
  auto field = [&](std::string_view term, const std::string& value, std::string_view id) {
    out += fmt::format("<dt>{}</dt><dd id=\"{}\">{}</dd>\n", term, id, value.empty() ? "—" : escape(value));
  };
  field("文号 document", h.document, "document-number");
  if (h.issuer_inferred)  // not the document's words: the transcriber's inference, and marked so
    out += fmt::format("<dt>发文机关 issuer</dt><dd id=\"issuer\">{} <span class=\"inferred note\" id=\"issuer-inferred\">"
                       "（推定：原文未写明发文机关 — inferred, the document does not name its issuer）</span></dd>\n",
                       escape(h.issuer));
  else
    field("发文机关 issuer", h.issuer, "issuer");
  field("成文日期 issued", h.issued, "issued");
  field("施行期间 in force", in_force_words(h), "in-force");
  out += fmt::format("<dt>施行条款 cites</dt><dd id=\"header-cites\">{}</dd>\n", header_cites(pairing));
  field("适用地区 jurisdiction", h.jurisdiction, "jurisdiction");
  field("状态 status", h.draft() ? "草案（征求意见稿）draft" : h.status == "final" ? "正式 final" : h.status, "status");
  out += "</dl>\n";
  out += fmt::format("<p class=\"summary\">{} 项待遇 benefits · {} 个定义 definitions · 原文 {} 个条款 clauses · "
                     "{} 个不转录 not transcribed · {} 个条款未被引用 uncited · {} 个警告 warnings · {} 处数字待核 "
                     "figures flagged</p>\n</header>\n",
                     review.benefits.size(), review.definitions.size(), pairing.clauses.size(), pairing.omitted.size(),
                     pairing.uncited.size(), pairing.findings.size(), flagged_figures(pairing));
  return out;
}

// Which bytes this page is about: a signature on paper is worth only as much.
std::string stamp_html(const Review& review) {
  const Stamp& s = review.stamp;
  std::string out = "<section class=\"stamp\" id=\"stamp\">\n<h2>版本印记 Version stamp</h2>\n<dl>\n";
  for (std::size_t i = 0; i < s.policy_files.size(); ++i)
    out += fmt::format("<dt>{}</dt><dd><span class=\"file\">{}</span> <span class=\"hash\" data-sha256=\"{}\">sha256 {}</span></dd>\n",
                       i == 0 ? "政策脚本 policy" : "所用文件 uses", escape(s.policy_files[i].name),
                       escape(s.policy_files[i].sha256), escape(s.policy_files[i].sha256));
  out += fmt::format("<dt>文件原文 document</dt><dd><span class=\"file\">{}</span> <span class=\"hash\" id=\"document-sha256\" "
                     "data-sha256=\"{}\">sha256 {}</span></dd>\n",
                     escape(s.document.name), escape(s.document.sha256), escape(s.document.sha256));
  out += fmt::format("<dt>引擎 engine</dt><dd id=\"engine-version\">fuzhu {}</dd>\n", escape(s.engine_version));
  out += fmt::format("<dt>生成时间 generated</dt><dd id=\"generated\">{}</dd>\n", escape(s.generated));
  return out + "</dl>\n</section>\n";
}

std::string warnings_html(const Review& review, const Pairing& pairing) {
  if (pairing.findings.empty()) return "";
  std::string out = "<section class=\"warnings\" id=\"warnings\">\n<h2>⚠ 警告 Warnings</h2>\n<ul>\n";
  for (const Finding& f : pairing.findings)
    out += fmt::format("<li>{}{} [{}]</li>\n", f.line > 0 ? fmt::format("{}:{}: ", escape(review.header.policy_file), f.line) : "",
                       escape(f.message), info(f.code).text);
  return out + "</ul>\n</section>\n";
}

// `--since OLD`: the benefits to review again, linked; the removed ones listed.
std::string since_html(const Review& review) {
  if (!review.since) return "";
  const Since& s = *review.since;
  std::string out = fmt::format("<section id=\"since\">\n<h2>自上一版本以来的变化 Changes since {}</h2>\n"
                                "<p class=\"summary\">上一版本 sha256 <span class=\"hash\">{}</span>。只需重新审核标为“已修改”“新增”的待遇；"
                                "{} 项待遇未改。Review again only the benefits marked changed or added.</p>\n<ul class=\"plain-list\">\n",
                                escape(s.old_file), escape(s.old_sha256), s.unchanged);
  for (const SinceBenefit& b : s.benefits) {
    const std::string name = fmt::format("{} <code>{}</code>", escape(b.title), escape(b.id));
    if (b.change == "removed")
      out += fmt::format("<li data-since=\"removed\">删除 removed：{}（本版本已无此待遇）<p class=\"plain\">{}</p></li>\n", name,
                         escape(fmt::format("{}", fmt::join(b.lines, "\n"))));
    else
      out += fmt::format("<li data-since=\"{}\">{}：<a href=\"#{}\">{}</a></li>\n", b.change,
                         b.change == "added" ? "新增 added" : "已修改 changed", benefit_anchor(b.id), name);
  }
  for (const std::string& line : s.header) out += fmt::format("<li data-since=\"header\">政策头 header：{}</li>\n", escape(line));
  for (const std::string& line : s.definitions)
    out += fmt::format("<li data-since=\"definition\">定义 definition：{}</li>\n", escape(line));
  if (s.benefits.empty() && s.header.empty() && s.definitions.empty()) out += "<li>无变化 No change.</li>\n";
  return out + "</ul>\n</section>\n";
}

// Benefits whose cites name no clause of the document: nowhere to put them
// in the document, so here, with their warnings.
std::string unplaced_html(const Review& review, const Pairing& pairing) {
  std::string rows;
  for (const Row& row : pairing.rows) {
    bool placed = false;
    for (const Citation& c : row.citations) placed = placed || c.clause >= 0;
    if (!placed) rows += benefit_html(review, pairing, row);
  }
  if (rows.empty()) return "";
  return "<section id=\"unplaced\">\n<h2>⚠ 未对应到原文条款的待遇 Benefits whose cites name no clause</h2>\n" + rows +
         "</section>\n";
}

std::string omitted_html(const Pairing& pairing) {
  std::string out = fmt::format("<section id=\"not-transcribed\">\n<h2>不转录的条款及理由 Clauses not transcribed, and why ({})</h2>\n",
                                pairing.omitted.size());
  if (pairing.omitted.empty()) return out + "<p>无。None.</p>\n</section>\n";
  out += "<ul class=\"plain-list\">\n";
  for (const Omission& o : pairing.omitted) {
    const ReviewOmission& r = *o.omission;
    out += fmt::format("<li data-clause=\"{}\"><span class=\"label\">{}</span><span class=\"line-no\">政策第 {} 行</span> "
                       "理由 reason：{}</li>\n",
                       escape(r.clause), o.clause >= 0 ? clause_link(pairing, o.clause) : escape(r.clause), r.line,
                       escape(r.reason));
  }
  return out + "</ul>\n</section>\n";
}

std::string uncited_html(const Pairing& pairing) {
  std::string out = fmt::format("<section id=\"uncited\">\n<h2>既未引用也未说明不转录的条款 Clauses neither cited nor declared "
                                "not transcribed ({})</h2>\n",
                                pairing.uncited.size());
  if (pairing.uncited.empty())
    return out + "<p>原文每个条款都已引用或说明不转录的理由。Every clause is cited or declared not transcribed.</p>\n</section>\n";
  out += "<ul class=\"plain-list\">\n";
  for (int i : pairing.uncited) {
    const Clause& c = pairing.clauses[static_cast<std::size_t>(i)];
    out += fmt::format("<li data-clause=\"{}\">{} <span class=\"line-no\">原文第 {} 行</span> {}</li>\n", escape(c.label),
                       clause_link(pairing, i), c.line, escape(cut(c.text, 40)));
  }
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string render_page(const Review& review, const Pairing& pairing) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>审阅报告 Review: {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                     escape(review.header.title), page_style());
  out += header_html(review, pairing);
  out += stamp_html(review);
  out += warnings_html(review, pairing);
  out += since_html(review);
  out += document_html(review, pairing);
  out += definitions_html(review, pairing);
  out += unplaced_html(review, pairing);
  out += omitted_html(pairing);
  out += uncited_html(pairing);
  out += "<footer class=\"summary\"><p>fuzhu report — 由政策脚本与文件原文自动生成，供人工审阅。</p></footer>\n";
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace fuzhu::report
