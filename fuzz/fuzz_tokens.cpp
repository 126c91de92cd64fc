// Fuzzes the one scanner (src/syntax/tokens.hpp) against the grammar: any
// text the PEGTL grammar parses must be split by the scanner exactly where
// the grammar's lexical rules end, into tokens of the same kinds
// (tests/support/token_agreement.hpp). Text the grammar refuses must still
// be scanned without a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "tests/support/token_agreement.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const fuzhu::tokens::Tokenized scanned = fuzhu::tokens::tokenize(text);
  if (!scanned.ok() && scanned.stuck_at >= text.size()) fuzhu::fuzz::broken("the scanner stops past the end of the text");
  if (auto disagreement = fuzhu::testing::token_disagreement(text); disagreement && !disagreement->empty())
    fuzhu::fuzz::broken("the scanner and the grammar disagree: " + *disagreement);
  return 0;
}
