// `fuzhu simulate`: a policy over a whole population file, streamed in
// constant memory and spread over threads.
#pragma once

#include <cstdint>
#include <string>

#include "fuzhu/policy.hpp"
#include "sim/change.hpp"
#include "sim/tally.hpp"

namespace fuzhu::sim {

enum class InputFormat { jsonl, csv };

struct SimulateOptions {
  Date as_of;
  unsigned threads = 1;          // evaluating threads; 1 runs everything on the caller's thread
  InputFormat format = InputFormat::jsonl;
  bool assume_in_jurisdiction = false;
  bool progress = false;         // draw a progress bar on stderr
  std::size_t block_bytes = 256 * 1024;
};

struct SimulateResult {
  Tally tally;
  std::string error;  // the run could not be made (no such file, a bad CSV header)
  std::string error_path;  // the fact a bad CSV header names, if any
  bool ok() const { return error.empty(); }
};

/// `path` "-" reads standard input.
SimulateResult simulate(const Policy& policy, const std::string& path, const SimulateOptions& options);

/// A new version of a policy against its baseline (the old one), both
/// decided on each family of one pass over the population.
struct ComparisonResult {
  Tally tally;         // the new version, as simulate() tallies it (rejected lines here)
  Tally baseline;      // the old version, on the same families
  BenefitUnion names;  // the benefits of both, matched by id
  ChangeTally change;  // family by family
  std::string error, error_path;
  bool ok() const { return error.empty(); }
};

/// A family is evaluated when both versions decide it; a line either
/// version refuses (facts, an arithmetic error) is rejected for both. When
/// the two facts schemas agree (the same fingerprint) each line is read
/// once; otherwise once for each.
ComparisonResult simulate_against(const Policy& policy, const Policy& baseline, const std::string& path,
                                  const SimulateOptions& options);

/// jsonl unless the file name ends in ".csv".
InputFormat format_of(const std::string& path);

}  // namespace fuzhu::sim
