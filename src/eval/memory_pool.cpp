// Spare evaluation memory: one piece in an atomic slot, the others handed
// out under a lock held only to pop or push.
#include "eval/memory_pool.hpp"

namespace fuzhu::detail {

MemoryPool::MemoryPool(std::shared_ptr<const CompiledPolicy> policy) : policy_(std::move(policy)) {
  spare_.reserve(most_kept - 1);  // giving back, in a destructor, must not allocate
}

MemoryPool::~MemoryPool() { delete ready_.load(std::memory_order_acquire); }

MemoryPool::Lease MemoryPool::take() {
  if (EvalMemory* memory = ready_.exchange(nullptr, std::memory_order_acquire))
    return Lease(*this, std::unique_ptr<EvalMemory>(memory));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!spare_.empty()) {
      std::unique_ptr<EvalMemory> memory = std::move(spare_.back());
      spare_.pop_back();
      return Lease(*this, std::move(memory));
    }
  }
  auto memory = std::make_unique<EvalMemory>();  // fitted outside the lock
  memory->scratch.fit(*policy_);
  memory->scratch.remember_regions = true;  // a pooled piece decides many families, as a Decider does
  return Lease(*this, std::move(memory));
}

void MemoryPool::give_back(std::unique_ptr<EvalMemory> memory) {
  EvalMemory* empty = nullptr;
  if (ready_.compare_exchange_strong(empty, memory.get(), std::memory_order_release, std::memory_order_relaxed)) {
    memory.release();  // the slot owns it now
    return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (spare_.size() + 1 < most_kept) spare_.push_back(std::move(memory));  // + 1: the slot's
}  // else the excess is freed with `memory`, after the lock is released

std::size_t MemoryPool::spare() {
  const std::size_t outside = ready_.load(std::memory_order_acquire) != nullptr ? 1 : 0;
  std::lock_guard<std::mutex> lock(mutex_);
  return spare_.size() + outside;
}

}  // namespace fuzhu::detail
