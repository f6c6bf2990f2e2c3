// OrderedPipeline: items 0..n-1 produced in parallel and consumed in input order, with
// back-pressure. Producer threads take the next item in order and hand over its pieces
// (one or many per item); the consumer, on its own thread, takes item 0's pieces, then
// item 1's, and so on. Three bounds keep memory in check: producers stay within a window
// of items ahead of the one being consumed, each item queues at most a few pieces, and
// past a total weight of queued pieces producers take no new item. (This cannot stall the
// consumer: items are taken in order, so when it waits for one that no producer has
// taken, every item before it is consumed and nothing is queued.)
//
// It knows nothing of what it carries: ImportRun uses it for the pieces its lanes
// extract from input files.
//
// Thread-safety: the producers' calls and the consumer's (Next, Unwanted, Done, Stop) may
// run concurrently; the consumer's calls come from one thread. All shared state is under
// one mutex.

#ifndef MORGUE_CORE_SRC_ORDERED_PIPELINE_H_
#define MORGUE_CORE_SRC_ORDERED_PIPELINE_H_

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "morgue/status.h"

namespace morgue {

template <typename Piece>
class OrderedPipeline {
 public:
  struct Options {
    size_t items = 0;            // how many items there are
    size_t producers = 1;        // producer threads to start
    size_t window = 1;           // items a producer may take ahead of the one being consumed
    size_t queued_per_item = 2;  // pieces an item may queue before its producer waits
    // The weight of a piece (e.g. the memory it holds), and the total weight of queued
    // pieces past which producers take no new item; 0: no such bound.
    std::function<uint64_t(const Piece&)> weight;
    uint64_t weight_limit = 0;
    // Starts a producer thread (joined with pthread_join); the default uses the system's
    // default stack.
    std::function<Status(std::function<void()>, pthread_t*)> start_thread;
  };
  // Takes a piece for the item being produced; false when the rest of the item is no
  // longer wanted (Unwanted) or the pipeline stops, so the producer may give up on it.
  using Deliver = std::function<bool(Piece)>;
  // Produces item `item` on producer `producer` (0..producers-1), handing its pieces in
  // order to `deliver`.
  using Produce = std::function<void(size_t item, size_t producer, const Deliver& deliver)>;

  explicit OrderedPipeline(Options options) : options_(std::move(options)) {
    options_.window = std::max<size_t>(options_.window, 1);
    options_.queued_per_item = std::max<size_t>(options_.queued_per_item, 1);
    slots_.resize(options_.window);
  }
  // Stops the producers and joins them.
  ~OrderedPipeline() { Stop(); }
  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  // Starts the producers; returns how many threads could be started (0: none, and the
  // caller must do the work itself). Call once.
  size_t Start(Produce produce) {
    produce_ = std::move(produce);
    for (size_t i = 0; i < options_.producers; ++i) {
      pthread_t thread{};
      auto body = [this, i] { ProducerMain(i); };
      const Status started =
          options_.start_thread ? options_.start_thread(body, &thread) : StartThread(body, &thread);
      if (started.ok()) threads_.push_back(thread);
    }
    return threads_.size();
  }

  // The consumer: the next piece of `item`, which must be the item after the last one
  // Done (or 0). Waits for it while `proceed()` is true; while it waits, `idle()` may do
  // other work (true when it did some, and the wait starts again), and is asked again
  // every `poll`. nullopt when `proceed()` turned false. Neither callback is called under
  // the pipeline's lock.
  std::optional<Piece> Next(size_t item, const std::function<bool()>& proceed,
                            const std::function<bool()>& idle = nullptr,
                            std::chrono::milliseconds poll = std::chrono::milliseconds(100)) {
    Slot& slot = SlotOf(item);
    std::unique_lock lock(mutex_);
    // One answer of `proceed` decides both the wait and the return: asked twice, it could
    // say "stop" to the wait and "go on" to the return, with no piece to return.
    bool go_on = Asked(lock, proceed);
    while (go_on && slot.pieces.empty()) {
      bool worked = false;
      if (idle) {
        lock.unlock();
        worked = idle();
        lock.lock();
      }
      if (!worked) ready_.wait_for(lock, poll);
      go_on = Asked(lock, proceed);
    }
    if (!go_on) return std::nullopt;
    std::optional<Piece> piece(std::move(slot.pieces.front()));
    slot.pieces.pop_front();
    held_ -= Weight(*piece);
    lock.unlock();
    room_.notify_all();
    return piece;
  }

  // The consumer: the rest of `item` is not wanted (it failed); its producer's Deliver
  // returns false from now on.
  void Unwanted(size_t item) {
    std::lock_guard lock(mutex_);
    SlotOf(item).unwanted = true;
  }

  // The consumer: `item` is finished; what it still queues is dropped, and the window
  // moves on to the next item.
  void Done(size_t item) {
    {
      std::lock_guard lock(mutex_);
      Slot& slot = SlotOf(item);
      for (const Piece& left : slot.pieces) held_ -= Weight(left);
      slot.pieces.clear();
      slot.unwanted = false;
      next_to_consume_ = item + 1;
    }
    room_.notify_all();
  }

  // Stops the producers (Deliver returns false, no new item is taken) and joins them once
  // their current item's Produce returns. Any later call does nothing.
  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    room_.notify_all();
    for (pthread_t thread : threads_) pthread_join(thread, nullptr);
    threads_.clear();
  }

  // High-water marks, for tests and diagnostics: the most pieces queued at once (over all
  // items), and the most weight.
  size_t most_queued() const {
    std::lock_guard lock(mutex_);
    return most_queued_;
  }
  uint64_t most_weight() const {
    std::lock_guard lock(mutex_);
    return most_held_;
  }

 private:
  struct Slot {
    std::deque<Piece> pieces;
    bool unwanted = false;
  };

  static Status StartThread(std::function<void()> body, pthread_t* thread) {
    auto* handed = new std::function<void()>(std::move(body));
    const int error = pthread_create(
        thread, nullptr,
        [](void* arg) -> void* {
          std::unique_ptr<std::function<void()>> run(static_cast<std::function<void()>*>(arg));
          (*run)();
          return nullptr;
        },
        handed);
    if (error == 0) return Status::OK();
    delete handed;
    return Status::IOError("cannot start a thread");
  }

  // The slots are a ring: item i in slots_[i % window].
  Slot& SlotOf(size_t item) { return slots_[item % options_.window]; }

  uint64_t Weight(const Piece& piece) const { return options_.weight ? options_.weight(piece) : 0; }

  // `proceed()` without the lock held.
  static bool Asked(std::unique_lock<std::mutex>& lock, const std::function<bool()>& proceed) {
    lock.unlock();
    const bool go_on = proceed();
    lock.lock();
    return go_on;
  }

  void ProducerMain(size_t producer) {
    while (true) {
      size_t item = 0;
      {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] {
          return stop_ || next_to_take_ >= options_.items ||
                 (next_to_take_ < next_to_consume_ + options_.window &&
                  (options_.weight_limit == 0 || held_ < options_.weight_limit));
        });
        if (stop_ || next_to_take_ >= options_.items) return;
        item = next_to_take_++;
      }
      Slot& slot = SlotOf(item);
      produce_(item, producer, [this, &slot](Piece piece) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return stop_ || slot.pieces.size() < options_.queued_per_item; });
        if (stop_) return false;
        held_ += Weight(piece);
        slot.pieces.push_back(std::move(piece));
        most_queued_ = std::max(most_queued_, CountQueued());
        most_held_ = std::max(most_held_, held_);
        const bool wanted = !slot.unwanted;
        lock.unlock();
        ready_.notify_one();
        return wanted;
      });
    }
  }

  size_t CountQueued() const {
    size_t queued = 0;
    for (const Slot& slot : slots_) queued += slot.pieces.size();
    return queued;
  }

  Options options_;
  Produce produce_;
  std::vector<pthread_t> threads_;
  mutable std::mutex mutex_;
  std::condition_variable room_;   // producers wait for room in the window or a queue
  std::condition_variable ready_;  // the consumer waits for the next piece in order
  size_t next_to_take_ = 0;
  size_t next_to_consume_ = 0;
  uint64_t held_ = 0;  // the weight of the queued pieces
  bool stop_ = false;
  std::vector<Slot> slots_;
  size_t most_queued_ = 0;
  uint64_t most_held_ = 0;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_ORDERED_PIPELINE_H_
