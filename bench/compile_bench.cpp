// Compiling the five policies from source (load, parse, check, compile).
//   compile_bench [POLICY_DIR] [ROUNDS]
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "fuzhu/fuzhu.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : "policies";
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 50;
  const char* cities[] = {"yiyang", "zhangdian", "songjiang", "ankang", "foshan"};
  double best = 1e9, total = 0;
  for (int r = 0; r < rounds; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (const char* city : cities) {
      auto compiled = fuzhu::Policy::compile_file(dir / fmt::format("{}.policy", city));
      if (!compiled.ok()) {
        std::cerr << fuzhu::render_all(compiled.diagnostics);
        return 1;
      }
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, ms);
    total += ms;
  }
  fmt::print("compile all five policies: {:.2f} ms best, {:.2f} ms mean of {} rounds (target < 5 ms)\n", best,
             total / rounds, rounds);
  return 0;
}
