// A progress bar on stderr (percent, families, rate, time left), drawn only
// when stderr is a terminal: redirected output stays free of it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace fuzhu::sim {

class Progress {
 public:
  /// `total_bytes`: the size of the input, when known (not for a pipe).
  Progress(bool enabled, std::optional<std::uint64_t> total_bytes);
  /// Redraws at most five times a second.
  void update(std::uint64_t bytes, std::uint64_t families);
  /// Clears the bar.
  void finish();

  static bool stderr_is_terminal();

 private:
  bool enabled_;
  std::optional<std::uint64_t> total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace fuzhu::sim
