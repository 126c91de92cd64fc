// The one scanner (src/syntax/tokens.hpp): its tokens, worked out by hand on
// the lexical corners of grammar/README.md, and its agreement with the PEGTL
// grammar on every policy of the repository and on mutations of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "syntax/tokens.hpp"
#include "tests/support/files.hpp"
#include "tests/support/token_agreement.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::tokens::Kind;

// "kind:text" of each token, for comparing with a list written by hand.
std::vector<std::string> scanned(std::string_view source) {
  auto result = fuzhu::tokens::tokenize(source);
  REQUIRE(result.ok());
  std::vector<std::string> out;
  for (const auto& t : result.tokens) out.push_back(std::string(fuzhu::testing::token_agreement_detail::kind_name(t.kind)) + ":" + std::string(t.text));
  return out;
}

using Texts = std::vector<std::string>;

// Every policy and schema the repository keeps as text a newcomer writes.
std::vector<fs::path> repository_policies() {
  std::vector<fs::path> out;
  for (const char* folder : {"policies", "tests/documents", "tests/check", "tests/versions", "tests/schema", "tests/money", "tests/regress/fuzz_tokens"}) {
    const fs::path dir = fs::path(FUZHU_SOURCE_DIR) / folder;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.path().extension() == ".policy" || entry.path().extension() == ".schema") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("tokens: words, keyword phrases word by word, and CJK names with keywords inside") {
  CHECK(scanned("in   force from 2026-01-01") == Texts{"word:in", "word:force", "word:from", "date:2026-01-01"});
  // A keyword glued to a name is part of the name; digits continue a name.
  CHECK(scanned("条件计生特困家庭 每月490元") == Texts{"word:条件计生特困家庭", "word:每月490元"});
  CHECK(scanned("child.status") == Texts{"word:child", "punctuation:.", "word:status"});
  // U+3000, the ideographic space, separates like a blank.
  CHECK(scanned("甲\xE3\x80\x80乙") == Texts{"word:甲", "word:乙"});
}

TEST_CASE("tokens: literals end where the grammar's do") {
  CHECK(scanned("490 元 12.5元 1.5 40 ％ 12%") ==
        Texts{"money:490 元", "money:12.5元", "rate:1.5", "rate:40 ％", "rate:12%"});
  CHECK(scanned("5 年 6 个月 30天 2 Months 5 年龄") ==
        Texts{"duration:5 年", "duration:6 个月", "duration:30天", "duration:2 Months", "number:5", "word:年龄"});
  // A date written another way is one token, for the checker to correct.
  CHECK(scanned("2023-7-1 2023/07/01 2023 年 7 月 1 日 2023年7月1号") ==
        Texts{"loose date:2023-7-1", "loose date:2023/07/01", "loose date:2023 年 7 月 1 日", "loose date:2023年7月1号"});
  // Five digits are no date: 10000 - 01 - 01.
  CHECK(scanned("10000-01-01") == Texts{"number:10000", "punctuation:-", "number:01", "punctuation:-", "number:01"});
  CHECK(scanned("60..69") == Texts{"number:60", "punctuation:..", "number:69"});
  CHECK(scanned("\"甲\\\"乙\"") == Texts{"string:\"甲\\\"乙\""});
}

TEST_CASE("tokens: punctuation, comments, line breaks and a byte-order mark") {
  CHECK(scanned("a==b≥c=>d!=e") == Texts{"word:a", "punctuation:==", "word:b", "punctuation:≥", "word:c",
                                         "punctuation:=>", "word:d", "punctuation:!=", "word:e"});
  auto result = fuzhu::tokens::tokenize("\xEF\xBB\xBFuse # 注释\r\n\n  x");
  REQUIRE(result.ok());
  REQUIRE(result.tokens.size() == 3);
  CHECK(result.tokens[0].offset == 3);  // after the mark
  CHECK(result.tokens[1].text == "# 注释");  // without "\r\n"
  CHECK(result.tokens[1].kind == Kind::comment);
  CHECK(result.tokens[2].text == "x");
  CHECK(result.tokens[2].newlines_before == 2);
}

TEST_CASE("tokens: where no token starts, the scanner says where") {
  CHECK(fuzhu::tokens::tokenize("a ! b").stuck_at == 2);
  CHECK(fuzhu::tokens::tokenize("x = \"open").stuck_at == 4);
  CHECK(fuzhu::tokens::tokenize("x = \"bad \\q escape\"").stuck_at == 4);
  CHECK(fuzhu::tokens::tokenize("\xE4\xB8").stuck_at == 0);  // a character cut short
}

TEST_CASE("tokens: the grammar and the scanner agree on every policy of the repository") {
  std::size_t compared = 0;
  for (const auto& path : repository_policies()) {
    const std::string text = fuzhu::testing::read_file(path);
    auto disagreement = fuzhu::testing::token_disagreement(text);
    CAPTURE(path.string());
    // The transcribed policies and the scanner's regression inputs parse;
    // some check files are syntax errors on purpose.
    const fs::path folder = path.parent_path().filename();
    if (folder == "policies" || folder == "documents" || folder == "fuzz_tokens")
      REQUIRE(disagreement.has_value());
    if (!disagreement) continue;
    CHECK(*disagreement == "");
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("tokens: the grammar and the scanner agree on mutations of the policies") {
  // Lexical corners spliced in at random places; a mutant the grammar
  // parses must be scanned the same. Deterministic: a fixed seed.
  const std::array<std::string_view, 24> pieces{
      " in force ", " paid  by ", "2023-7-1", "2023年7月1日", " 5 年", "6 个月", "490元", " 40 ％", "1.5", "..", "==",
      " # 注释\n", "\"串\"", "\xE3\x80\x80", " 不低于 ", "child.status", " not transcribed ", "≥", "\r\n", " 10000-01-01 ",
      " 30 days", "甲1", " and ", "12.34567%"};
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return (state >> 33) % bound;
  };
  std::size_t parsed = 0, tried = 0;
  for (const char* city : {"yiyang", "songjiang", "zhangdian", "ankang", "foshan"}) {
    const std::string original = fuzhu::testing::read_file(fs::path(FUZHU_SOURCE_DIR) / "policies" / (std::string(city) + ".policy"));
    for (int round = 0; round < 150; ++round) {
      std::string text = original;
      for (int edits = 1 + static_cast<int>(next(3)); edits > 0; --edits) {
        const std::size_t at = next(text.size());
        if (next(2) == 0) text.insert(at, pieces[next(pieces.size())]);
        else text.erase(at, 1 + next(8));
      }
      ++tried;
      auto disagreement = fuzhu::testing::token_disagreement(text);
      if (!disagreement) continue;
      ++parsed;
      INFO(text);
      CHECK(*disagreement == "");
    }
  }
  MESSAGE(parsed, " of ", tried, " mutants parse");
  CHECK(parsed * 20 >= tried);  // enough mutants parse to test something (5% at least)
}
