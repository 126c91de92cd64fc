// A bounded first-in first-out queue between the thread that reads blocks
// and the threads that evaluate them. The bound keeps memory constant: the
// reader waits while the workers are behind.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace fuzhu::sim {

template <typename T>
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t capacity) : capacity_(capacity) {}

  /// Waits for room. Items pushed after close() are dropped.
  void push(T item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return;
    items_.push_back(std::move(item));
    ready_.notify_one();
  }

  /// Waits for an item; nullopt once the queue is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    return take_front();
  }

  /// An item if one is waiting, without waiting.
  std::optional<T> try_pop() {
    std::lock_guard lock(mutex_);
    return take_front();
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
    room_.notify_all();
  }

 private:
  // The first item, if any, making room for another; the mutex is held.
  std::optional<T> take_front() {
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }

  std::size_t capacity_;
  std::deque<T> items_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
};

}  // namespace fuzhu::sim
