// Evaluation memory that Policy::evaluate reuses from call to call: fitting
// fresh scratch memory to the policy cost more than deciding the family.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "compile/policy.hpp"
#include "eval/flat_eval.hpp"
#include "fuzhu/decisions.hpp"

namespace fuzhu::detail {

/// What one evaluation works in: the flat evaluator's scratch, fitted to the
/// pool's policy, and the decisions it fills.
struct EvalMemory {
  FlatScratch scratch;
  Decisions decisions;
};

/// The spare EvalMemory of one compiled policy, shared by every thread that
/// evaluates it. A thread takes a piece for one call and gives it back; two
/// threads never hold the same piece. The pool lives in the Policy's shared
/// state, so a destroyed policy's memory goes with it.
class MemoryPool {
 public:
  explicit MemoryPool(std::shared_ptr<const CompiledPolicy> policy);
  ~MemoryPool();
  MemoryPool(const MemoryPool&) = delete;
  MemoryPool& operator=(const MemoryPool&) = delete;

  /// A piece of memory held for one evaluation: returned to the pool when
  /// it goes out of scope.
  class Lease {
   public:
    Lease(MemoryPool& pool, std::unique_ptr<EvalMemory> memory) : pool_(pool), memory_(std::move(memory)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), memory_(std::move(other.memory_)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (memory_) pool_.give_back(std::move(memory_));  // a moved-from lease holds none
    }
    EvalMemory& operator*() const { return *memory_; }
    EvalMemory* operator->() const { return memory_.get(); }

   private:
    MemoryPool& pool_;
    std::unique_ptr<EvalMemory> memory_;
  };

  /// Spare memory if there is some, else new memory fitted to the policy.
  Lease take();

  /// Pieces kept spare at most: more threads than this at once allocate for
  /// the excess, and free it after, rather than keep it for good.
  static constexpr std::size_t most_kept = 16;

  /// The pieces kept spare now, the one outside the lock included (for tests).
  std::size_t spare();

 private:
  void give_back(std::unique_ptr<EvalMemory> memory);

  std::shared_ptr<const CompiledPolicy> policy_;
  // One spare piece is kept outside the lock: a thread evaluating family
  // after family takes it and gives it back with one atomic exchange each,
  // where the lock cost two lock-unlock pairs (some 150 instructions, 3% of
  // an evaluation). Threads that find it taken fall back to the lock.
  std::atomic<EvalMemory*> ready_{nullptr};  // owned: freed by the destructor
  std::mutex mutex_;
  std::vector<std::unique_ptr<EvalMemory>> spare_;  // guarded by mutex_
};

}  // namespace fuzhu::detail
