#include "sim/progress.hpp"

#include <cstdio>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

namespace fuzhu::sim {

Progress::Progress(bool enabled, std::optional<std::uint64_t> total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

bool Progress::stderr_is_terminal() { return isatty(fileno(stderr)) != 0; }

void Progress::update(std::uint64_t bytes, std::uint64_t families) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(families) / seconds : 0;
  std::string line;
  if (total_ && *total_ > 0) {
    const double done = static_cast<double>(bytes) / static_cast<double>(*total_);
    const int width = 30;
    const int filled = static_cast<int>(done * width);
    const double left = done > 0 ? seconds * (1 - done) / done : 0;
    line = fmt::format("[{:<{}}] {:3.0f}%  {} families  {:.0f}/s  {:.0f} s left", std::string(static_cast<std::size_t>(filled), '#'),
                       width, done * 100, families, rate, left);
  } else {
    line = fmt::format("{} families  {:.0f}/s", families, rate);
  }
  std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
  std::fflush(stderr);
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
}

}  // namespace fuzhu::sim
