#include "io/json_writer.hpp"

#include <cstdio>

namespace fuzhu::detail {

namespace {

// The length of the UTF-8 character at `at` of `s`, or 0 when the bytes
// there are not one (overlong forms, surrogates and values past U+10FFFF
// included).
std::size_t utf8_char(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t n = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || at + n > s.size()) return 0;
  char32_t c = n == 2 ? (lead & 0x1Fu) : n == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i) & 0x3Fu);
  }
  static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < smallest[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string yuan_number(Money m) {
  // The magnitude as unsigned: -INT64_MIN does not fit in int64.
  const bool negative = m.fen < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(m.fen) : static_cast<std::uint64_t>(m.fen);
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / 100);
  const std::uint64_t fen = magnitude % 100;
  if (fen == 0) return out;
  out += '.';
  out += static_cast<char>('0' + fen / 10);
  if (fen % 10 != 0) out += static_cast<char>('0' + fen % 10);
  return out;
}

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const std::size_t n = utf8_char(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for one bad byte
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
    ++i;
  }
  return out;
}

Json::Json(const std::vector<std::string>& strings) : kind_(Kind::array) {
  for (const auto& s : strings) items_.emplace_back(std::string(), Json(s));
}

Json::Json(std::span<const std::string_view> strings) : kind_(Kind::array) {
  for (std::string_view s : strings) items_.emplace_back(std::string(), Json(s));
}

Json Json::money(Money m) {
  Json j;
  j.kind_ = Kind::number;
  j.text_ = yuan_number(m);
  return j;
}

Json Json::money(const std::optional<Money>& m) { return m ? money(*m) : Json(); }

Json Json::array() {
  Json j;
  j.kind_ = Kind::array;
  return j;
}

Json Json::object() {
  Json j;
  j.kind_ = Kind::object;
  return j;
}

Json& Json::operator[](std::string_view key) {
  if (kind_ == Kind::null) kind_ = Kind::object;
  for (auto& [k, v] : items_)
    if (k == key) return v;
  items_.emplace_back(std::string(key), Json());
  return items_.back().second;
}

void Json::push_back(Json value) {
  if (kind_ == Kind::null) kind_ = Kind::array;
  items_.emplace_back(std::string(), std::move(value));
}

void Json::append(Json object) {
  if (kind_ == Kind::null) kind_ = Kind::object;
  for (auto& item : object.items_) items_.push_back(std::move(item));
}

std::string Json::dump(int indent) const {
  std::string out;
  write(out, indent, 0);
  return out;
}

void Json::write(std::string& out, int indent, int level) const {
  switch (kind_) {
    case Kind::null: out += "null"; return;
    case Kind::boolean:
    case Kind::number: out += text_; return;
    case Kind::string:
      out += '"';
      out += json_escape(text_);
      out += '"';
      return;
    case Kind::array:
    case Kind::object: break;
  }
  const bool object = kind_ == Kind::object;
  if (items_.empty()) {
    out += object ? "{}" : "[]";
    return;
  }
  out += object ? '{' : '[';
  const std::string inner(static_cast<std::size_t>(indent * (level + 1)), ' ');
  for (std::size_t i = 0; i < items_.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out += inner;
    if (object) {
      out += '"';
      out += json_escape(items_[i].first);
      out += "\": ";
    }
    items_[i].second.write(out, indent, level + 1);
  }
  out += '\n';
  out.append(static_cast<std::size_t>(indent * level), ' ');
  out += object ? '}' : ']';
}

}  // namespace fuzhu::detail
