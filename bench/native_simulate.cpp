// The hand-written end-to-end baseline of `fuzhu simulate`: reads the same
// JSON Lines file with simdjson On Demand, in blocks (constant memory), one
// thread, and applies the special allowance of one policy by hand.
//   native_simulate yiyang|songjiang POP.jsonl
// Prints: total fen a month, recipients, families.
#include <cstdio>
#include <cstring>
#include <string>

#include <simdjson.h>

#include "native_rules.hpp"

namespace {

namespace od = simdjson::ondemand;

void person(od::object o, bench::NativePerson& p) {
  p.present = true;
  for (auto field : o) {
    std::string_view key = field.unescaped_key();
    if (key == "birth_date") {
      std::string_view text;
      if (!field.value().get_string().get(text)) bench::parse_ymd(text, p.birth);
    } else if (key == "alive") {
      bool alive = true;
      if (!field.value().get_bool().get(alive)) p.alive = alive;
    }
  }
}

bool family(od::parser& parser, simdjson::padded_string_view line, bench::NativeFamily& f) {
  od::document doc;
  if (parser.iterate(line).get(doc)) return false;
  od::object root;
  if (doc.get_object().get(root)) return false;
  for (auto record : root) {
    std::string_view name = record.unescaped_key();
    od::object o;
    if (record.value().get_object().get(o)) continue;
    if (name == "mother") person(o, f.mother);
    else if (name == "father") person(o, f.father);
    else
      for (auto field : o) {
        std::string_view key = field.unescaped_key();
        if (name == "household" && key == "region") {
          std::string_view region;
          if (!field.value().get_string().get(region)) bench::set_region(f, region);
        } else if (name == "child" && key == "status") {
          std::string_view s;
          if (!field.value().get_string().get(s)) f.status = s == "deceased" ? 0 : s == "disabled" ? 1 : 2;
        } else if (name == "child" && key == "disability_grade") {
          std::int64_t g = 0;
          if (!field.value().get_int64().get(g)) f.grade = static_cast<std::int8_t>(g);
        } else if (name == "family" && key == "other_child") {
          bool b = false;
          if (!field.value().get_bool().get(b)) f.other_child = b;
        }
      }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: native_simulate yiyang|songjiang POP.jsonl\n");
    return 2;
  }
  const bool yiyang = std::strcmp(argv[1], "yiyang") == 0;
  std::FILE* file = std::fopen(argv[2], "rb");
  if (!file) return 1;
  const bench::Ymd as_of{2026, 11, 23};
  bench::AllowanceSum sum;
  std::int64_t families = 0;
  od::parser parser;
  std::string buffer, carry;
  const std::size_t block = 1 << 20;
  for (bool eof = false; !eof;) {
    buffer = carry;
    std::size_t old = buffer.size();
    buffer.resize(old + block);
    std::size_t got = std::fread(buffer.data() + old, 1, block, file);
    eof = got < block;
    buffer.resize(old + got);
    std::size_t end = eof ? buffer.size() : buffer.rfind('\n') + 1;
    carry.assign(buffer, end);
    buffer.resize(end);
    buffer.append(simdjson::SIMDJSON_PADDING, '\0');
    for (std::size_t start = 0; start < end;) {
      std::size_t stop = buffer.find('\n', start);
      if (stop == std::string::npos || stop > end) stop = end;
      if (stop > start) {
        bench::NativeFamily f;
        if (family(parser, simdjson::padded_string_view(buffer.data() + start, stop - start, buffer.size() - start), f)) {
          ++families;
          if (yiyang) bench::yiyang_allowance(f, as_of, sum);
          else bench::songjiang_allowance(f, as_of, sum);
        }
      }
      start = stop + 1;
    }
  }
  std::fclose(file);
  std::printf("%lld %lld %lld\n", static_cast<long long>(sum.fen), static_cast<long long>(sum.recipients),
              static_cast<long long>(families));
  return 0;
}
