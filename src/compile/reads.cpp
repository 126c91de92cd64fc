// Which facts a compiled policy reads: every slot some evaluation may look
// at. Worked out from the compiled code once, for `fuzhu facts` and
// FactInfo::read: a records system exports exactly these.
#include "compile/policy.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::detail {

namespace {

class Reads {
 public:
  explicit Reads(const CompiledPolicy& policy) : p_(policy), s_(*policy.schema), read_(static_cast<std::size_t>(s_.slot_count), 0) {}

  std::vector<char> run() {
    if (s_.region_slot >= 0) mark(s_.region_slot);  // the jurisdiction
    definition_seen_.assign(p_.definitions.size(), 0);
    for (const auto& b : p_.benefits) {
      if (b.condition) walk(*b.condition, {});
      for (int root : b.recipients) living(root);
      if (b.where) walk(*b.where, b.recipients);
      if (b.amount) walk(*b.amount, b.recipients);
      for (const auto& payer : b.payers) {
        if (payer.share) walk(*payer.share, b.recipients);
        if (payer.condition) walk(*payer.condition, b.recipients);
      }
    }
    return std::move(read_);
  }

 private:
  const CompiledPolicy& p_;
  const Schema& s_;
  std::vector<char> read_;
  std::vector<char> definition_seen_;

  void mark(int slot) {
    if (slot >= 0) read_[static_cast<std::size_t>(slot)] = 1;
  }

  // Whether a person is living reads its alive and deceased facts.
  void living(int root) {
    if (root < 0) return;
    const RootInfo& r = s_.roots[static_cast<std::size_t>(root)];
    mark(r.alive_slot);
    mark(r.status_slot);
  }

  // A person's age reads their birth date, or the stand-in's when absent.
  void birth(int root) {
    const RootInfo& r = s_.roots[static_cast<std::size_t>(root)];
    mark(r.birth_slot);
    if (r.age_else >= 0) mark(s_.roots[static_cast<std::size_t>(r.age_else)].birth_slot);
  }

  // The roots an expression of person or record type may stand for.
  std::vector<int> roots_of(const Code& c, const std::vector<int>& persons) const {
    if (c.op == Op::root) return {c.index};
    if (c.op == Op::person) return persons;
    // Anything else (a definition, an `if`): every root of its record type.
    // (The schema's roots are the program's, in the same order.)
    if (c.record >= 0) return p_.roots_of_record[static_cast<std::size_t>(c.record)];
    std::vector<int> out;
    for (std::size_t i = 0; i < s_.roots.size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }

  void field_of(const std::vector<int>& roots, int field) {
    for (int root : roots) {
      const RootInfo& r = s_.roots[static_cast<std::size_t>(root)];
      if (field >= 0 && field < static_cast<int>(r.fields.size())) mark(r.first_slot + field);
    }
  }

  // `persons`: the roots `person` may be here (the recipients, or those an
  // any/all goes over).
  void walk(const Code& c, const std::vector<int>& persons) {
    switch (c.op) {
      case Op::fact: mark(c.index); return;
      case Op::person_field: field_of(persons, c.index); return;
      case Op::field_of:
        field_of(roots_of(c.kids[0], persons), c.index);
        break;
      case Op::definition: {
        const std::size_t i = static_cast<std::size_t>(c.index);
        if (!definition_seen_[i]) {
          definition_seen_[i] = 1;
          walk(p_.definitions[i], {});
        }
        return;
      }
      case Op::any_parent:
      case Op::all_parent:
      case Op::any_member:
      case Op::all_member: {
        const std::vector<int>& over = c.op == Op::any_member || c.op == Op::all_member ? s_.members : s_.parents;
        for (int root : over) living(root);
        walk(c.kids[0], over);
        return;
      }
      case Op::builtin: builtin(c, persons); break;
      default: break;
    }
    for (const auto& kid : c.kids) walk(kid, persons);
  }

  void builtin(const Code& c, const std::vector<int>& persons) {
    switch (static_cast<Builtin>(c.index)) {
      case Builtin::age:
      case Builtin::age_on:
        for (int root : roots_of(c.kids[0], persons)) birth(root);
        break;
      case Builtin::living:
        for (int root : roots_of(c.kids[0], persons)) living(root);
        break;
      default: break;
    }
  }
};

}  // namespace

std::vector<char> facts_read(const CompiledPolicy& policy) { return Reads(policy).run(); }

}  // namespace fuzhu::detail
