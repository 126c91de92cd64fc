#include "report/html.hpp"

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

}  // namespace fuzhu::report
