// The run: one thread reads blocks of lines, the workers each read, evaluate
// and tally their blocks, and the tallies are merged at the end. With one
// thread there is no queue: reading and evaluating take turns.
#include "sim/simulate.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <simdjson.h>

#include "eval/arithmetic.hpp"
#include "fuzhu/decisions.hpp"
#include "limits.hpp"
#include "sim/family_reader.hpp"
#include "sim/line_source.hpp"
#include "sim/progress.hpp"
#include "sim/work_queue.hpp"
#include "syntax/printable.hpp"
#include "api/internal.hpp"

namespace fuzhu::sim {

InputFormat format_of(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".csv" || ext == ".CSV" ? InputFormat::csv : InputFormat::jsonl;
}

namespace {

// One version of the policy as a worker runs it: where a family's facts are
// read to, and what decides and tallies them.
struct Side {
  Side(const Policy& p, std::unique_ptr<FamilyReader> r, const EvalOptions& options)
      : policy(p), reader(std::move(r)), facts(p.new_facts()), empty(detail::data_of(facts)), decider(p, options) {}
  const Policy& policy;
  std::unique_ptr<FamilyReader> reader;  // null: the family is read by the other side (same schema)
  Facts facts;
  const detail::FactsData empty;  // every fact unknown: copied over facts before each line
  Decider decider;  // the string-free path: the same decisions as Policy::evaluate, by index
  Tally tally;

  // Assignment reuses the vectors' storage: no allocation per family.
  void clear() {
    detail::FactsData& d = detail::data_of(facts);
    d.slots = empty.slots;
    for (auto& s : d.strings) s.clear();
    d.present = empty.present;
    d.warnings.clear();
  }
};

// Evaluates the families of one block after another, into its own tallies.
class Worker {
 public:
  using ReaderFactory = std::function<std::unique_ptr<FamilyReader>(const detail::Schema&)>;

  Worker(const Policy& policy, const Policy* baseline, const BenefitUnion* names, const ReaderFactory& make_reader,
         const SimulateOptions& options)
      : main_(policy, make_reader(*detail::compiled_of(policy).schema), eval_options(options)), names_(names),
        as_of_(options.as_of) {
    if (!baseline) return;
    const bool same_schema = detail::compiled_of(*baseline).schema->fingerprint == detail::compiled_of(policy).schema->fingerprint;
    baseline_ = std::make_unique<Side>(*baseline, same_schema ? nullptr : make_reader(*detail::compiled_of(*baseline).schema),
                                       eval_options(options));
  }

  void process(const Block& block) {
    for (const Line& line : block.lines) family(block, line);
  }

  Tally& tally() { return main_.tally; }
  Tally* baseline_tally() { return baseline_ ? &baseline_->tally : nullptr; }
  ChangeTally change;

  /// Attaches names to the index tallies; call once, after the last block.
  void finish() {
    main_.tally.resolve_names(detail::compiled_of(main_.policy));
    if (baseline_) baseline_->tally.resolve_names(detail::compiled_of(baseline_->policy));
  }

 private:
  Side main_;
  std::unique_ptr<Side> baseline_;
  const BenefitUnion* names_;
  Date as_of_;

  static EvalOptions eval_options(const SimulateOptions& options) {
    EvalOptions out;
    out.assume_in_jurisdiction = options.assume_in_jurisdiction;
    return out;
  }

  bool read(Side& side, const Block& block, const Line& line) {
    side.clear();
    Rejection rejection = side.reader->read(block, line, detail::data_of(side.facts));
    if (!rejection.rejected()) return true;
    main_.tally.reject(line.number, std::move(rejection.message), std::move(rejection.path), std::move(rejection.code));
    return false;
  }

  bool decide(Side& side, const Facts& facts, const Line& line, const char* which) {
    if (side.decider.decide(facts, as_of_)) return true;
    std::string reasons;
    for (const auto& d : side.decider.errors()) reasons += (reasons.empty() ? "" : "; ") + d.message;
    const auto& errors = side.decider.errors();
    main_.tally.reject(line.number, which + reasons, errors.empty() ? "" : errors.front().path,
                       errors.empty() ? "" : errors.front().code);
    return false;
  }

  void family(const Block& block, const Line& line) {
    if (line.too_long) {
      main_.tally.reject(line.number, fmt::format("the line is longer than {} bytes, the most one family may take",
                                                  limits::max_facts_bytes),
                         "", info(Diag::facts_too_large).text);
      return;
    }
    if (!read(main_, block, line)) return;
    if (!baseline_) {
      if (decide(main_, main_.facts, line, "")) main_.tally.add(main_.decider.decisions(), detail::compiled_of(main_.policy));
      return;
    }
    if (baseline_->reader && !read(*baseline_, block, line)) return;
    const Facts& baseline_facts = baseline_->reader ? baseline_->facts : main_.facts;
    if (!decide(main_, main_.facts, line, "") || !decide(*baseline_, baseline_facts, line, "the baseline: ")) return;
    main_.tally.add(main_.decider.decisions(), detail::compiled_of(main_.policy));
    baseline_->tally.add(baseline_->decider.decisions(), detail::compiled_of(baseline_->policy));
    change.add(main_.decider.decisions(), baseline_->decider.decisions(), *names_, detail::compiled_of(main_.policy),
               detail::compiled_of(baseline_->policy));
  }
};

struct Input {
  std::FILE* file = nullptr;
  bool owned = false;
  ~Input() {
    if (owned && file) std::fclose(file);
  }
};

// The header of a CSV file, read byte by byte up to its newline.
std::string read_header(std::FILE* file, std::string& header) {
  for (int c; (c = std::fgetc(file)) != EOF && c != '\n';) {
    header += static_cast<char>(c);
    if (header.size() > limits::max_facts_bytes) return "the header line is too long";
  }
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (header.empty()) return "the file is empty: a CSV population starts with a header of fact paths";
  return {};
}

std::optional<std::uint64_t> size_of(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return std::nullopt;
  return size;
}

void run_inline(LineSource& source, Worker& worker, Progress& progress) {
  Block block;
  while (source.next(block)) {
    worker.process(block);
    progress.update(source.bytes_read(), worker.tally().families + worker.tally().rejected_lines);
  }
}

void run_threads(LineSource& source, std::vector<std::unique_ptr<Worker>>& workers, Progress& progress) {
  WorkQueue<Block> full(workers.size() * 2), empty(workers.size() * 4);
  std::atomic<std::uint64_t> done{0};
  std::vector<std::thread> threads;
  for (auto& worker : workers)
    threads.emplace_back([&, w = worker.get()] {
      while (auto block = full.pop()) {
        w->process(*block);
        done += block->lines.size();
        empty.push(std::move(*block));
      }
    });
  for (;;) {
    Block block = empty.try_pop().value_or(Block{});  // reuse a block's storage when one is back
    if (!source.next(block)) break;
    full.push(std::move(block));
    progress.update(source.bytes_read(), done);
  }
  full.close();
  empty.close();
  for (auto& t : threads) t.join();
}

struct Run {
  Tally tally, baseline;
  ChangeTally change;
  std::string error, error_path;
};

// The one pass: `baseline` and `names` are null for a single policy.
Run run(const Policy& policy, const Policy* baseline, const BenefitUnion* names, const std::string& path,
        const SimulateOptions& options) {
  Run result;
  Input input;
  if (path == "-") {
    input.file = stdin;
  } else {
    input.file = std::fopen(path.c_str(), "rb");
    input.owned = true;
    if (!input.file) {
      result.error = fmt::format("{}: {}", printable(path), std::strerror(errno));
      return result;
    }
  }
  std::uint64_t first_line = 1;
  std::string header;
  if (options.format == InputFormat::csv) {
    Rejection problem{"", "", read_header(input.file, header)};
    if (problem.rejected()) problem.code = info(Diag::malformed_csv).text;
    // Each version's schema must know every column (a baseline of another
    // schema too): the header is checked against both before a line is read.
    for (const Policy* p : {&policy, baseline}) {
      CsvColumns columns;
      if (p && !problem.rejected()) problem = read_csv_header(header, *detail::compiled_of(*p).schema, columns);
    }
    if (problem.rejected()) {
      result.error = fmt::format("{}:1: {}", printable(path), problem.message);
      result.error_path = std::move(problem.path);
      return result;
    }
    first_line = 2;
  }
  const Worker::ReaderFactory make_reader = [&](const detail::Schema& schema) -> std::unique_ptr<FamilyReader> {
    if (options.format != InputFormat::csv) return make_json_reader();
    auto columns = std::make_shared<CsvColumns>();
    (void)read_csv_header(header, schema, *columns);  // checked above
    return make_csv_reader(std::move(columns));
  };
  LineSource source(input.file, first_line, options.block_bytes, limits::max_facts_bytes, simdjson::SIMDJSON_PADDING);
  Progress progress(options.progress, path == "-" ? std::nullopt : size_of(path));

  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < threads; ++i)
    workers.push_back(std::make_unique<Worker>(policy, baseline, names, make_reader, options));
  if (threads == 1) run_inline(source, *workers.front(), progress);
  else run_threads(source, workers, progress);
  progress.finish();

  for (auto& worker : workers) {
    worker->finish();
    result.tally.merge(worker->tally());
    if (Tally* b = worker->baseline_tally()) result.baseline.merge(*b);
    result.change.merge(worker->change);
  }
  if (source.read_error()) result.error = fmt::format("{}: a read error stopped the run", printable(path));
  return result;
}

}  // namespace

SimulateResult simulate(const Policy& policy, const std::string& path, const SimulateOptions& options) {
  Run r = run(policy, nullptr, nullptr, path, options);
  SimulateResult result;
  result.tally = std::move(r.tally);
  result.error = std::move(r.error);
  result.error_path = std::move(r.error_path);
  return result;
}

ComparisonResult simulate_against(const Policy& policy, const Policy& baseline, const std::string& path,
                                  const SimulateOptions& options) {
  ComparisonResult result;
  result.names = BenefitUnion::of(detail::compiled_of(policy), detail::compiled_of(baseline));
  Run r = run(policy, &baseline, &result.names, path, options);
  result.tally = std::move(r.tally);
  result.baseline = std::move(r.baseline);
  result.change = std::move(r.change);
  result.error = std::move(r.error);
  result.error_path = std::move(r.error_path);
  return result;
}

}  // namespace fuzhu::sim
