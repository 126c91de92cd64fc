// Spare evaluation memory, handed out under a lock held only to pop or push.
#include "eval/memory_pool.hpp"

namespace fuzhu::detail {

MemoryPool::MemoryPool(std::shared_ptr<const CompiledPolicy> policy) : policy_(std::move(policy)) {
  spare_.reserve(most_kept);  // giving back, in a destructor, must not allocate
}

MemoryPool::Lease MemoryPool::take() {
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
  std::lock_guard<std::mutex> lock(mutex_);
  if (spare_.size() < most_kept) spare_.push_back(std::move(memory));
}  // else the excess is freed with `memory`, after the lock is released

std::size_t MemoryPool::spare() {
  std::lock_guard<std::mutex> lock(mutex_);
  return spare_.size();
}

}  // namespace fuzhu::detail
