// Characters that make a policy read differently from what it says (see
// deceptive.hpp).
#include "syntax/deceptive.hpp"

#include <fmt/format.h>

#include "syntax/printable.hpp"

namespace fuzhu {

namespace {

bool bidirectional(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool invisible(char32_t cp) { return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF; }

// Forms Unicode keeps only for compatibility with older encodings; each
// looks like, and NFKC-normalises to, an ordinary character.
bool compatibility_form(char32_t cp) {
  return (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
         (cp >= 0x2F800 && cp <= 0x2FA1F) ||  // their supplement
         (cp >= 0x2F00 && cp <= 0x2FDF) ||    // Kangxi radicals (⼥ for 女)
         (cp >= 0x2E80 && cp <= 0x2EFF);      // CJK radicals supplement
}

// A character of U+3000–U+9FFF (CJK punctuation, kana, ideographs: most of
// a policy's characters) at text[i]: never one to report nor one that
// changes the context, so it is stepped over without being decoded.
bool cjk(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  return byte(i) >= 0xE3 && byte(i) <= 0xE9 && i + 2 < text.size() && (byte(i + 1) & 0xC0) == 0x80 &&
         (byte(i + 2) & 0xC0) == 0x80;
}

// Where in the text a character is: strings and comments say things, the
// rest of the text is the policy.
enum class Context { policy, string, comment };

// A file full of such characters gets this many reports, not one a
// character: the first ones say what to fix.
constexpr int max_reports = 20;

struct Scanner {
  int file;
  Diagnostics& diags;
  bool failed = false;
  int reports = 0;

  bool done() const { return reports >= max_reports; }

  void report(char32_t cp, std::size_t at, Context where) {
    // Nearly every character of a policy is harmless: say so before
    // spending anything on words.
    if (!bidirectional(cp) && !(where == Context::policy && (invisible(cp) || compatibility_form(cp)))) return;
    ++reports;
    const Loc loc{file, static_cast<std::uint32_t>(at)};
    const std::string code_point = fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp));
    if (bidirectional(cp)) {
      if (where == Context::policy) {
        failed = true;
        diags.add(Diag::deceptive_character, loc,
                  fmt::format("{} is a bidirectional control: it reorders how the line is shown, so the policy "
                              "would not read as it runs; delete it", code_point));
      } else {
        diags.add(Diag::bidirectional_in_text, loc,
                  fmt::format("{} is a bidirectional control: it reorders how this {} is shown; delete it unless "
                              "the document has it", code_point, where == Context::string ? "text" : "comment"));
      }
    } else if (where == Context::policy && invisible(cp)) {
      failed = true;
      diags.add(Diag::deceptive_character, loc,
                fmt::format("{} is an invisible character: a name holding it differs from the name you see; "
                            "delete it", code_point));
    } else if (where == Context::policy && compatibility_form(cp)) {
      failed = true;
      diags.add(Diag::deceptive_character, loc,
                fmt::format("{} is a compatibility form of a Chinese character: it looks like the ordinary "
                            "character but is a different one, so the name would not match the same name typed "
                            "normally; retype it", code_point));
    }
  }
};

}  // namespace

bool check_deceptive_characters(const SourceSet& sources, int file, Diagnostics& diags) {
  const std::string& text = sources.file(file).text();
  Scanner scan{file, diags};
  Context where = Context::policy;
  // A byte-order mark at the very start is how some editors save UTF-8.
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < text.size() && !scan.done()) {
    if (cjk(text, i)) {
      i += 3;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, i, cp);
    if (length == 0) return !scan.failed;  // not UTF-8: reported by the parser's own check
    if (cp >= 0x80) scan.report(cp, i, where);
    switch (where) {
      case Context::policy:
        if (cp == '#') where = Context::comment;
        else if (cp == '"') where = Context::string;
        break;
      case Context::string:
        if (cp == '\\' && i + 1 < text.size()) ++i;  // the escaped character
        else if (cp == '"' || cp == '\n') where = Context::policy;
        break;
      case Context::comment:
        if (cp == '\n') where = Context::policy;
        break;
    }
    i += length;
  }
  return !scan.failed;
}

}  // namespace fuzhu
