// Tracing an evaluation, for `fuzhu eval --explain`. The evaluator reports
// each expression it enters and leaves and each fact it reads; the Tracer
// records those steps in the family's ExplainTrace. Recording is all that
// explaining costs while evaluating: a row of the explanation names its
// steps, and the ExplainNode trees (the policy's words with the family's
// values) are built from the trace only when someone asks for them
// (Explanation::condition() and the rest, explain.cpp).
#pragma once

#include <forward_list>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compile/policy.hpp"
#include "fuzhu/result.hpp"

namespace fuzhu::detail {

/// One family's evaluation as recorded. Written by a Tracer while the
/// family is evaluated, read only afterwards: the rows of its Evaluation
/// share it (Evaluation::keeps_trace_alive) and build their trees from it,
/// from any thread.
struct ExplainTrace {
  // The steps live in one array, linked by index: recording allocates only
  // when the array grows, and a definition's body, evaluated once, stays for
  // the later uses that show it.
  struct Step {
    const Code* code = nullptr;
    Value value;
    int person = -1;
    int first_kid = -1, last_kid = -1, next = -1;  // the sub-expressions evaluated, in order (into steps)
    int first_read = -1, last_read = -1;           // the facts read by this step itself (into reads)
  };
  struct Read {
    int slot;
    Value value;   // as the evaluator used it: a default stands in for a fact not given
    bool given;    // the family gave the fact (false: `value` is its default, or unknown)
    int next = -1;
  };

  ExplainTrace(const CompiledPolicy& policy, Lang lang);
  /// Copies what building a tree needs of the family, before the first
  /// step is recorded: a family the policy does not reach records none.
  void start(const FactsData& facts);

  /// The tree of a top-level step (a condition, a `where`, an amount); none for -1.
  std::optional<ExplainNode> tree(int step) const;
  /// The facts the top-level steps read, each once, in the order first read
  /// (steps of -1 are skipped).
  std::vector<NamedValue> facts(std::initializer_list<int> tops) const;
  /// Keeps `text` as long as the trace, for a row to borrow.
  std::string_view keep(std::string text);

  const CompiledPolicy& policy;
  Lang lang;
  std::vector<std::string> strings;  // the family's strings, as FactsData::strings (a string Value's n)
  std::vector<char> present;         // by root: the family has that person
  std::vector<Step> steps;
  std::vector<Read> reads;
  std::vector<int> definitions;  // by definition: its body's step, as first evaluated; -1: none yet
  std::forward_list<std::string> kept;  // text the rows borrow; a list never moves what it holds
  std::vector<std::string_view> needs;  // the rows' needs (fact paths), each row's in a run
};

/// Records an evaluation's steps into a trace.
class Tracer {
 public:
  Tracer(ExplainTrace& trace, const FactsData& facts) : t_(trace), f_(facts) {}

  /// Starts a top-level expression: a condition, a `where`, an amount.
  void begin() { last_ = -1; }
  /// The top-level step evaluated since begin(); -1 when nothing was.
  int take() { return std::exchange(last_, -1); }

  void enter(const Code& code);
  void leave(const Value& value, int person);  // person: the recipient considered, or -1
  void read(int slot, const Value& value);

 private:
  ExplainTrace& t_;
  const FactsData& f_;
  std::vector<int> open_;  // the steps entered and not yet left
  int last_ = -1;          // the top-level step finished last
  bool started_ = false;   // the trace has what it needs of the family
};

}  // namespace fuzhu::detail
