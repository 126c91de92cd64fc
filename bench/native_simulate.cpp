// The hand-written end-to-end baseline of `fuzhu simulate`: reads the same
// JSON Lines file with simdjson On Demand, in 1 MiB blocks (constant memory),
// on one thread, and applies every benefit of one policy by hand.
//   native_simulate yiyang|songjiang POP.jsonl [YYYY-MM-DD]
// Prints "families <N>", then "<id> <families> <recipients> <fen> <undetermined>"
// for each benefit in the policy's source order.
#include <cstdio>
#include <cstring>
#include <string>

#include <simdjson.h>

#include "native_rules.hpp"

namespace {

namespace od = simdjson::ondemand;
using bench::Tri;
using bench::Ymd;

constexpr std::size_t block_bytes = 1 << 20;
constexpr std::size_t max_line_bytes = 1 << 20;    // fuzhu's limits::max_facts_bytes
constexpr std::size_t max_string_bytes = 4096;     // fuzhu's limits::max_string_bytes

// Each reader below returns false where fuzhu would reject the line (a value
// of the wrong type or outside the schema); null is an unknown fact. Scalars
// are read from their JSON text (peeked, not consumed): no copy, no type call.
std::string_view token(od::value& v) {
  std::string_view t = v.raw_json_token();
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

bool is_null(od::value& v) { return token(v) == "null"; }

bool read_flag(od::value v, Tri& out) {
  const std::string_view t = token(v);
  if (t == "true") out = 1;
  else if (t == "false") out = 0;
  else if (t != "null") return false;
  return true;
}

// A JSON string's text, unescaped only when it has an escape.
bool read_string(od::value v, std::string_view& out, bool& null) {
  const std::string_view t = token(v);
  null = t == "null";
  if (null) return true;
  if (t.size() < 2 || t.front() != '"' || t.back() != '"') return false;
  out = t.substr(1, t.size() - 2);
  return out.find('\\') == std::string_view::npos || !v.get_string().get(out);
}

bool read_date(od::value v, Ymd& out) {
  std::string_view text;
  bool null = false;
  if (!read_string(std::move(v), text, null)) return false;
  return null || bench::parse_ymd(text, out);
}

// An enumeration by its names in facts.schema order.
template <typename Enum, std::size_t N>
bool read_choice(od::value v, Enum& out, const std::string_view (&names)[N]) {
  std::string_view text;
  bool null = false;
  if (!read_string(std::move(v), text, null)) return false;
  if (null) return true;
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) {
      out = static_cast<Enum>(i);
      return true;
    }
  return false;
}

constexpr std::string_view child_statuses[] = {"deceased", "disabled", "living"};
constexpr std::string_view insurances[] = {"employee", "resident"};
constexpr std::string_view self_cares[] = {"full", "partial", "none"};
constexpr std::string_view causes[] = {"accident", "illness", "other"};

// An Individual field the policies read; true when `key` is not one of them.
bool person_field(std::string_view key, od::value v, bench::NativePerson& p) {
  if (key == "birth_date") return read_date(std::move(v), p.birth);
  if (key == "alive") return read_flag(std::move(v), p.alive);
  if (key == "health_insurance") return read_choice(std::move(v), p.health_insurance, insurances);
  if (key == "self_care") return read_choice(std::move(v), p.self_care, self_cares);
  if (key == "destitute") return read_flag(std::move(v), p.destitute);
  if (key == "incapacitated") return read_flag(std::move(v), p.incapacitated);
  if (key == "needs_care") return read_flag(std::move(v), p.needs_care);
  if (key == "terminal_illness") return read_flag(std::move(v), p.terminal_illness);
  if (key == "unemployed") return read_flag(std::move(v), p.unemployed);
  return true;
}

bool child_field(std::string_view key, od::value v, bench::NativeChild& c) {
  if (key == "status") return read_choice(std::move(v), c.status, child_statuses);
  if (key == "disability_grade") {
    std::int64_t grade = 0;
    if (is_null(v)) return true;
    if (v.get_int64().get(grade) || grade < 1 || grade > 4) return false;  // int 1..4
    c.grade = static_cast<std::int8_t>(grade);
    return true;
  }
  if (key == "cause") return read_choice(std::move(v), c.cause, causes);
  if (key == "event_date") return read_date(std::move(v), c.event_date);
  if (key == "injury_date") return read_date(std::move(v), c.injury_date);
  if (key == "married") return read_flag(std::move(v), c.married);
  if (key == "serious_illness") return read_flag(std::move(v), c.serious_illness);
  return person_field(key, std::move(v), c);
}

bool household_field(std::string_view key, od::value v, bench::NativeFamily& f) {
  if (key == "region") {
    std::string_view region;
    bool null = false;
    if (!read_string(std::move(v), region, null) || region.size() > max_string_bytes) return false;
    if (!null) bench::set_region(f, region);
    return true;
  }
  if (key == "low_income") return read_flag(std::move(v), f.low_income);
  if (key == "housing_hardship") return read_flag(std::move(v), f.housing_hardship);
  return true;
}

bool family_field(std::string_view key, od::value v, bench::NativeFamily& f) {
  if (key == "other_child") return read_flag(std::move(v), f.other_child);
  if (key == "glory_certificate") return read_flag(std::move(v), f.glory_certificate);
  if (key == "wants_another_child") return read_flag(std::move(v), f.wants_another_child);
  if (key == "wants_to_adopt") return read_flag(std::move(v), f.wants_to_adopt);
  return true;
}

// A member's key: as written when it has no escape (most keys), else unescaped.
bool key_of(od::field& member, std::string_view& key) {
  const char* start = member.key().raw();  // just past the opening quote, which On Demand has validated
  const char* end = start;
  while (*end != '"' && *end != '\\') ++end;
  if (*end == '\\') return !member.unescaped_key().get(key);
  key = std::string_view(start, static_cast<std::size_t>(end - start));
  return true;
}

template <typename Field>
bool record(od::value v, Field field) {
  od::object o;
  if (v.get_object().get(o)) return false;
  for (auto result : o) {
    od::field member;
    std::string_view key;
    if (std::move(result).get(member) || !key_of(member, key)) return false;
    if (!field(key, member.value())) return false;
  }
  return true;
}

// One family: false for a line fuzhu rejects (not one JSON object, a value it
// refuses, a birth after the evaluation date).
bool read_family(od::parser& parser, simdjson::padded_string_view line, const Ymd& as_of, bench::NativeFamily& f) {
  od::document doc;
  od::object root;
  if (parser.iterate(line).get(doc) || doc.get_object().get(root)) return false;
  for (auto result : root) {
    od::field member;
    std::string_view key;
    if (std::move(result).get(member) || !key_of(member, key)) return false;
    od::value v = member.value();
    const bool null = is_null(v);
    bool ok = true;
    if (key == "household") {
      ok = null || record(v, [&](std::string_view k, od::value x) { return household_field(k, std::move(x), f); });
    } else if (key == "family") {
      ok = null || record(v, [&](std::string_view k, od::value x) { return family_field(k, std::move(x), f); });
    } else if (key == "child") {
      ok = null || record(v, [&](std::string_view k, od::value x) { return child_field(k, std::move(x), f.child); });
    } else if (key == "mother" || key == "father") {
      bench::NativePerson& p = key == "mother" ? f.mother : f.father;
      ok = null || (p.present = true, record(v, [&](std::string_view k, od::value x) { return person_field(k, std::move(x), p); }));
    }
    if (!ok) return false;
  }
  const char* rest = nullptr;  // only the end may follow the object
  if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) return false;
  // check_facts: no one is born after the evaluation date.
  for (const bench::NativePerson* p : {&f.mother, &f.father, static_cast<bench::NativePerson*>(&f.child)})
    if (p->present && p->birth.known() && as_of < p->birth) return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || (std::strcmp(argv[1], "yiyang") != 0 && std::strcmp(argv[1], "songjiang") != 0)) {
    std::fprintf(stderr, "usage: native_simulate yiyang|songjiang POP.jsonl [YYYY-MM-DD]\n");
    return 2;
  }
  const bool yiyang = std::strcmp(argv[1], "yiyang") == 0;
  Ymd as_of{2026, 11, 23};
  if (argc > 3 && !bench::parse_ymd(argv[3], as_of)) {
    std::fprintf(stderr, "native_simulate: %s is not a date (YYYY-MM-DD)\n", argv[3]);
    return 2;
  }
  std::FILE* file = std::fopen(argv[2], "rb");
  if (!file) {
    std::perror(argv[2]);
    return 1;
  }
  const auto& ids = yiyang ? bench::yiyang_ids() : bench::songjiang_ids();
  bench::PolicySums sums(ids.size());
  std::uint64_t families = 0;
  od::parser parser;
  std::string buffer;  // the carried partial line, then a block, then the padding
  buffer.reserve(2 * block_bytes + simdjson::SIMDJSON_PADDING);
  bool skipping = false;  // inside a line longer than fuzhu takes: dropped
  for (bool eof = false; !eof;) {
    const std::size_t old = buffer.size();
    buffer.resize(old + block_bytes);
    const std::size_t got = std::fread(buffer.data() + old, 1, block_bytes, file);
    eof = got < block_bytes;
    buffer.resize(old + got);
    if (skipping) {
      const std::size_t newline = buffer.find('\n');
      if (newline == std::string::npos) {
        buffer.clear();
        continue;
      }
      buffer.erase(0, newline + 1);
      skipping = false;
    }
    const std::size_t newline = buffer.rfind('\n');
    const std::size_t end = eof ? buffer.size() : newline == std::string::npos ? 0 : newline + 1;
    if (end == 0 && !eof) {
      if (buffer.size() > max_line_bytes) {
        skipping = true;
        buffer.clear();
      }
      continue;
    }
    buffer.append(simdjson::SIMDJSON_PADDING, '\0');
    for (std::size_t start = 0; start < end;) {
      const char* found = static_cast<const char*>(std::memchr(buffer.data() + start, '\n', end - start));
      const std::size_t stop = found ? static_cast<std::size_t>(found - buffer.data()) : end;
      std::size_t size = stop - start;
      if (size > 0 && buffer[stop - 1] == '\r') --size;
      if (size > 0 && size <= max_line_bytes) {
        bench::NativeFamily f;
        simdjson::padded_string_view line(buffer.data() + start, size, buffer.size() - start);
        if (read_family(parser, line, as_of, f)) {
          ++families;
          if (yiyang) bench::yiyang_rules(f, as_of, sums);
          else bench::songjiang_rules(f, as_of, sums);
        }
      }
      start = stop + 1;
    }
    buffer.erase(0, end);
    buffer.resize(buffer.size() - simdjson::SIMDJSON_PADDING);
  }
  std::fclose(file);
  std::printf("families %llu\n", static_cast<unsigned long long>(families));
  for (std::size_t i = 0; i < ids.size(); ++i)
    std::printf("%s %llu %llu %lld %llu\n", ids[i].c_str(), static_cast<unsigned long long>(sums[i].families),
                static_cast<unsigned long long>(sums[i].recipients), static_cast<long long>(sums[i].fen),
                static_cast<unsigned long long>(sums[i].undetermined));
  return 0;
}
