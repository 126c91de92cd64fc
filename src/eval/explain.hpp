// Tracing an evaluation, for `fuzhu eval --explain`: the evaluator reports
// each expression it enters and leaves and each fact it reads; the tracer
// keeps those steps as a tree and turns a finished tree into an ExplainNode,
// in the policy's own words and the family's values.
#pragma once

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
  std::vector<int> slots;           // by fact: its slot (a fact's path names one slot)
};

/// Adds the facts of `from` that `into` does not hold yet; `seen` marks
/// the slots `into` holds (sized to the schema's slots).
void merge_facts(std::vector<NamedValue>& into, std::vector<char>& seen, const Traced& from);

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
  // The steps of one family's evaluation live in one array, linked by
  // index: recording allocates only when the array grows, and a definition's
  // body, evaluated once, stays for the later uses that show it.
  struct Step {
    const Code* code = nullptr;
    Value value;
    int person = -1;
    int first_kid = -1, last_kid = -1, next = -1;  // the sub-expressions evaluated, in order (into steps_)
    int first_read = -1, last_read = -1;           // the facts read by this step itself (into reads_)
  };
  struct Read {
    int slot;
    Value value;
    int next = -1;
  };

  const CompiledPolicy& p_;
  Lang lang_;
  const Schema& s_;
  const FactsData& f_;
  std::vector<Step> steps_;
  std::vector<Read> reads_;
  std::vector<int> open_;         // the steps entered and not yet left
  int last_ = -1;                 // the top-level step finished last
  std::vector<int> definitions_;  // by definition: its body's step, as first evaluated; -1: none yet
  // The definitions whose body the tree being built already shows (or whose
  // facts it already collected): a definition used again in one explanation
  // is shown by name and value only, so an explanation grows with the
  // policy's size, not with the number of paths through its definitions.
  mutable std::vector<bool> body_shown_, facts_collected_;
  mutable std::vector<char> slot_seen_;  // by slot: collected for the explanation being taken

  const Step& step(int index) const { return steps_[static_cast<std::size_t>(index)]; }
  ExplainNode build(const Step& step) const;
  void add_parts(const Step& step, ExplainNode& node) const;
  void add_kids(const Step& step, ExplainNode& node) const;
  void flatten(const Code& code, const Step* step, std::vector<ExplainNode>& parts) const;
  void explain_definition(const Step& step, ExplainNode& node) const;
  std::string note_of(const Step& step) const;
  std::string builtin_note(const Step& step) const;
  std::string_view text_of(const Code& code) const;
  void collect_facts(const Step& step, Traced& out) const;
  static bool first_time(std::vector<bool>& seen, int index);
};

}  // namespace fuzhu::detail
