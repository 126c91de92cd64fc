// Tracing an evaluation, for `fuzhu eval --explain`: the evaluator reports
// each expression it enters and leaves and each fact it reads; the tracer
// keeps those steps as a tree and turns a finished tree into an ExplainNode,
// in the policy's own words and the family's values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compile/policy.hpp"
#include "fuzhu/result.hpp"

namespace fuzhu::detail {

/// One top-level expression explained, with the facts it read.
struct Traced {
  std::optional<ExplainNode> node;  // none when nothing was evaluated
  std::vector<NamedValue> facts;    // in the order first read
};

/// Adds the facts of `from` that `into` does not name yet.
void merge_facts(std::vector<NamedValue>& into, const std::vector<NamedValue>& from);

class Tracer {
 public:
  /// `lang`: the language of the notes beside a step (the row a schedule chose, …).
  Tracer(const CompiledPolicy& policy, const FactsData& facts, Lang lang);

  /// Starts a top-level expression: a condition, a `where`, an amount.
  void begin();
  /// The top-level expression evaluated since begin(), explained.
  Traced take();

  void enter(const Code& code);
  void leave(const Value& value, int person);  // person: the recipient considered, or -1
  void read(int slot, const Value& value);

  /// A value in the policy's terms; `code` tells an enum's names.
  std::string show(const Value& value, const Code& code) const;
  std::string show_fact(int slot, const Value& value) const;

 private:
  struct Step {
    const Code* code = nullptr;
    Value value;
    int person = -1;
    std::vector<Step> kids;                    // the sub-expressions evaluated, in order
    std::vector<std::pair<int, Value>> reads;  // facts read by this step itself
  };

  const CompiledPolicy& p_;
  Lang lang_;
  const Schema& s_;
  const FactsData& f_;
  std::vector<Step> open_;             // the steps entered and not yet left
  std::optional<Step> last_;           // the top-level step finished last
  std::map<int, Step> definitions_;    // a definition's body, as first evaluated
  // The definitions whose body the tree being built already shows (or whose
  // facts it already collected): a definition used again in one explanation
  // is shown by name and value only, so an explanation grows with the
  // policy's size, not with the number of paths through its definitions.
  mutable std::vector<bool> body_shown_, facts_collected_;

  ExplainNode build(const Step& step) const;
  void add_kids(const Step& step, ExplainNode& node) const;
  void flatten(const Code& code, const Step* step, std::vector<ExplainNode>& parts) const;
  void explain_definition(const Step& step, ExplainNode& node) const;
  std::string note_of(const Step& step) const;
  std::string builtin_note(const Step& step) const;
  std::string text_of(const Code& code) const;
  void collect_facts(const Step& step, std::vector<NamedValue>& out) const;
  static bool first_time(std::vector<bool>& seen, int index);
};

}  // namespace fuzhu::detail
