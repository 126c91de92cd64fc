// The run: one thread reads blocks of lines, the workers each read, evaluate
// and tally their blocks, and the tallies are merged at the end. With one
// thread there is no queue: reading and evaluating take turns.
#include "sim/simulate.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
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

namespace fuzhu::sim {

InputFormat format_of(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".csv" || ext == ".CSV" ? InputFormat::csv : InputFormat::jsonl;
}

namespace {

// Evaluates the families of one block after another, into its own tally.
class Worker {
 public:
  Worker(const Policy& policy, std::unique_ptr<FamilyReader> reader, const SimulateOptions& options)
      : policy_(policy), reader_(std::move(reader)), facts_(policy.new_facts()), empty_(facts_.data()),
        as_of_(options.as_of), decider_(policy, eval_options(options)) {}

  void process(const Block& block) {
    for (const Line& line : block.lines) family(block, line);
  }

  Tally tally;

 private:
  const Policy& policy_;
  std::unique_ptr<FamilyReader> reader_;
  Facts facts_;
  const detail::FactsData empty_;  // every fact unknown: copied over facts_ before each line
  Date as_of_;
  Decider decider_;  // the string-free path: the same decisions as Policy::evaluate, by index

  static EvalOptions eval_options(const SimulateOptions& options) {
    EvalOptions out;
    out.assume_in_jurisdiction = options.assume_in_jurisdiction;
    return out;
  }

  void family(const Block& block, const Line& line) {
    if (line.too_long) {
      tally.reject(line.number, fmt::format("the line is longer than {} bytes, the most one family may take",
                                            limits::max_facts_bytes),
                   "", info(Diag::facts_too_large).text);
      return;
    }
    clear(facts_.data());
    Rejection rejection = reader_->read(block, line, facts_.data());
    if (rejection.rejected()) {
      tally.reject(line.number, std::move(rejection.message), std::move(rejection.path), std::move(rejection.code));
      return;
    }
    if (!decider_.decide(facts_, as_of_)) {
      std::string reasons;
      for (const auto& d : decider_.errors()) reasons += (reasons.empty() ? "" : "; ") + d.message;
      const auto& errors = decider_.errors();
      tally.reject(line.number, std::move(reasons), errors.empty() ? "" : errors.front().path,
                   errors.empty() ? "" : errors.front().code);
      return;
    }
    tally.add(decider_.decisions(), policy_.compiled());
  }

 public:
  /// Attaches names to the index tallies; call once, after the last block.
  void finish() { tally.resolve_names(policy_.compiled()); }

 private:
  // Assignment reuses the vectors' storage: no allocation per family.
  void clear(detail::FactsData& d) const {
    d.slots = empty_.slots;
    for (auto& s : d.strings) s.clear();
    d.present = empty_.present;
    d.warnings.clear();
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
    progress.update(source.bytes_read(), worker.tally.families + worker.tally.rejected_lines);
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

}  // namespace

SimulateResult simulate(const Policy& policy, const std::string& path, const SimulateOptions& options) {
  SimulateResult result;
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
  std::shared_ptr<CsvColumns> columns;
  if (options.format == InputFormat::csv) {
    std::string header;
    columns = std::make_shared<CsvColumns>();
    Rejection problem{"", "", read_header(input.file, header)};
    if (problem.rejected()) problem.code = info(Diag::malformed_csv).text;
    if (!problem.rejected()) problem = read_csv_header(header, *policy.compiled().schema, *columns);
    if (problem.rejected()) {
      result.error = fmt::format("{}:1: {}", printable(path), problem.message);
      result.error_path = std::move(problem.path);
      return result;
    }
    first_line = 2;
  }
  auto make_reader = [&]() { return columns ? make_csv_reader(columns) : make_json_reader(); };
  LineSource source(input.file, first_line, options.block_bytes, limits::max_facts_bytes, simdjson::SIMDJSON_PADDING);
  Progress progress(options.progress, path == "-" ? std::nullopt : size_of(path));

  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < threads; ++i) workers.push_back(std::make_unique<Worker>(policy, make_reader(), options));
  if (threads == 1) run_inline(source, *workers.front(), progress);
  else run_threads(source, workers, progress);
  progress.finish();

  for (auto& worker : workers) {
    worker->finish();
    result.tally.merge(worker->tally);
  }
  if (source.read_error()) result.error = fmt::format("{}: a read error stopped the run", printable(path));
  return result;
}

}  // namespace fuzhu::sim
