#include "report/html.hpp"

#include <algorithm>

namespace fuzhu::report {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_marked(std::string_view text, const std::vector<Span>& marks) {
  std::string out;
  std::size_t at = 0;
  for (const Span& m : marks) {
    if (m.begin < at || m.end > text.size() || m.begin >= m.end) continue;
    out += escape(text.substr(at, m.begin - at));
    out += "<mark>" + escape(text.substr(m.begin, m.end - m.begin)) + "</mark>";
    at = m.end;
  }
  out += escape(text.substr(at));
  return out;
}

namespace {

// [from, to) of `text`, with the parts inside `quotes` marked.
std::string quoted_part(std::string_view text, std::size_t from, std::size_t to, const std::vector<Span>& quotes) {
  std::string out;
  std::size_t at = from;
  for (const Span& q : quotes) {
    const std::size_t begin = std::max(q.begin, at), end = std::min(q.end, to);
    if (begin >= end) continue;
    out += escape(text.substr(at, begin - at));
    out += "<mark class=\"quote\">" + escape(text.substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  return out + escape(text.substr(at, to - at));
}

}  // namespace

std::string escape_annotated(std::string_view text, const std::vector<Span>& quotes,
                             const std::vector<Annotation>& annotations) {
  std::string out;
  std::size_t at = 0;
  for (const Annotation& a : annotations) {
    if (a.span.begin < at || a.span.end > text.size() || a.span.begin >= a.span.end) continue;
    out += quoted_part(text, at, a.span.begin, quotes);
    out += a.open + quoted_part(text, a.span.begin, a.span.end, quotes) + a.close;
    at = a.span.end;
  }
  return out + quoted_part(text, at, text.size(), quotes);
}

}  // namespace fuzhu::report
