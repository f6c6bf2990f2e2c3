// OrderedPipeline (ordered_pipeline.h): pieces come out in input order however long each
// item takes; producers keep within the window, each item within its queue and all within
// the weight limit (measured with counters, not timing); an unwanted item stops its
// producer; Stop ends a run half-way; no thread to be had is reported.

#include "ordered_pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace morgue {
namespace {

struct Piece {
  size_t item = 0;
  size_t index = 0;  // within the item
  bool last = false;
};
using Pipeline = OrderedPipeline<Piece>;

// How many pieces item `item` has in the tests that vary it.
size_t PiecesOf(size_t item) { return 1 + item % 4; }

// A value the test waits on without timing: WaitFor returns once `ready` holds.
class Watched {
 public:
  void Add(int n = 1) {
    {
      std::lock_guard lock(mutex_);
      value_ += n;
    }
    changed_.notify_all();
  }
  int value() const {
    std::lock_guard lock(mutex_);
    return value_;
  }
  template <typename Ready>
  void WaitFor(Ready ready) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready(value_); });
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  int value_ = 0;
};

const auto kAlways = [] { return true; };

// Each test declares its pipeline after the state its producers touch, so that the
// pipeline's destructor stops and joins them before that state goes.

Pipeline::Options Flow(size_t items, size_t producers, size_t window) {
  Pipeline::Options options;
  options.items = items;
  options.producers = producers;
  options.window = window;
  return options;
}

TEST(OrderedPipeline, PiecesComeOutInInputOrderUnderManyJobs) {
  constexpr size_t kItems = 400;
  Pipeline::Options options = Flow(kItems, 8, 16);
  std::atomic<int> producing{0};
  std::atomic<int> most_producing{0};
  Pipeline pipeline(std::move(options));
  ASSERT_EQ(pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    const int now = ++producing;
    int seen = most_producing.load();
    while (now > seen && !most_producing.compare_exchange_weak(seen, now)) {
    }
    std::mt19937 random(static_cast<unsigned>(item));
    for (size_t i = 0; i < PiecesOf(item); ++i) {
      // Random durations, so that later items often finish before earlier ones.
      std::this_thread::sleep_for(std::chrono::microseconds(random() % 400));
      deliver({item, i, i + 1 == PiecesOf(item)});
    }
    --producing;
  }),
            8u);
  std::vector<std::pair<size_t, size_t>> seen;
  for (size_t item = 0; item < kItems; ++item) {
    while (true) {
      std::optional<Piece> piece = pipeline.Next(item, kAlways);
      ASSERT_TRUE(piece.has_value());
      seen.emplace_back(piece->item, piece->index);
      if (piece->last) break;
    }
    pipeline.Done(item);
  }
  std::vector<std::pair<size_t, size_t>> expected;
  for (size_t item = 0; item < kItems; ++item) {
    for (size_t i = 0; i < PiecesOf(item); ++i) expected.emplace_back(item, i);
  }
  EXPECT_EQ(seen, expected);
  EXPECT_LE(most_producing.load(), 8);
  EXPECT_GT(most_producing.load(), 1);  // the jobs did run side by side
}

TEST(OrderedPipeline, ProducersStayWithinTheWindow) {
  constexpr size_t kItems = 60;
  constexpr size_t kWindow = 5;
  // More producers than the window lets work.
  Pipeline::Options options = Flow(kItems, 8, kWindow);
  Watched started;              // items a producer has taken
  std::atomic<size_t> done{0};  // items the consumer finished, counted before Done
  std::atomic<size_t> most_ahead{0};
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    const size_t ahead = item - done.load();       // items taken beyond the finished ones, minus 1
    EXPECT_LT(ahead, kWindow) << "item " << item;  // at once: a broken window may hang below
    size_t seen = most_ahead.load();
    while (ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead)) {
    }
    started.Add();
    deliver({item, 0, true});
  });
  // Before anything is consumed, the producers fill the window, and no more.
  started.WaitFor([](int n) { return n >= static_cast<int>(kWindow); });
  for (size_t item = 0; item < kItems; ++item) {
    ASSERT_TRUE(pipeline.Next(item, kAlways).has_value());
    ++done;
    pipeline.Done(item);
  }
  EXPECT_EQ(started.value(), static_cast<int>(kItems));
  EXPECT_EQ(most_ahead.load(), kWindow - 1);
}

TEST(OrderedPipeline, AnItemQueuesAtMostItsShareOfPieces) {
  Pipeline::Options options = Flow(1, 1, 4);
  options.queued_per_item = 2;
  Watched offered;  // pieces the producer has begun to deliver
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    for (size_t i = 0; i < 10; ++i) {
      offered.Add();
      deliver({item, i, i == 9});
    }
  });
  // The third delivery must wait until the consumer takes a piece.
  offered.WaitFor([](int n) { return n >= 3; });
  EXPECT_EQ(pipeline.most_queued(), 2u);
  for (size_t i = 0; i < 10; ++i) {
    std::optional<Piece> piece = pipeline.Next(0, kAlways);
    ASSERT_TRUE(piece.has_value());
    EXPECT_EQ(piece->index, i);
  }
  pipeline.Done(0);
  EXPECT_EQ(pipeline.most_queued(), 2u);
}

TEST(OrderedPipeline, PastTheWeightLimitNoNewItemIsTaken) {
  constexpr size_t kItems = 40;
  constexpr uint64_t kLimit = 10;
  constexpr size_t kProducers = 3;
  // A window of all the items: only the weight holds them back.
  Pipeline::Options options = Flow(kItems, kProducers, kItems);
  options.queued_per_item = 1;
  options.weight = [](const Piece&) { return uint64_t{4}; };
  options.weight_limit = kLimit;
  Watched delivered;
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    deliver({item, 0, true});
    delivered.Add();
  });
  // Nothing is consumed until the producers can queue no more: an item is taken only
  // below the limit (3 pieces of 4 reach 12), and every producer may hold one more.
  delivered.WaitFor([](int n) { return n >= 3; });
  for (size_t item = 0; item < kItems; ++item) {
    ASSERT_TRUE(pipeline.Next(item, kAlways).has_value());
    pipeline.Done(item);
  }
  EXPECT_GE(pipeline.most_weight(), 12u);
  EXPECT_LE(pipeline.most_weight(), kLimit - 1 + 4 * kProducers);
}

TEST(OrderedPipeline, AnUnwantedItemStopsItsProducerAndTheRestGoesOn) {
  constexpr size_t kItems = 12;
  constexpr size_t kFailing = 3;
  Pipeline::Options options = Flow(kItems, 4, 4);
  std::atomic<size_t> failing_delivered{0};
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    if (item != kFailing) {
      deliver({item, 0, true});
      return;
    }
    // Like a large input read in parts: many parts, then always a closing piece.
    size_t i = 0;
    while (i < 1000 && deliver({item, i, false})) ++i;
    failing_delivered = i + 1;
    deliver({item, i + 1, true});
  });
  std::vector<size_t> finished;
  for (size_t item = 0; item < kItems; ++item) {
    bool first = true;
    while (true) {
      std::optional<Piece> piece = pipeline.Next(item, kAlways);
      ASSERT_TRUE(piece.has_value());
      if (item == kFailing && first) pipeline.Unwanted(item);  // its first part failed
      first = false;
      if (piece->last) break;
    }
    finished.push_back(item);
    pipeline.Done(item);
  }
  EXPECT_EQ(finished.size(), kItems);
  // The producer learnt at its next delivery or soon after: a queue's worth, not 1000.
  EXPECT_LE(failing_delivered.load(), 5u);
}

TEST(OrderedPipeline, StopEndsARunHalfWay) {
  constexpr size_t kItems = 1000;
  Pipeline::Options options = Flow(kItems, 4, 8);
  std::atomic<size_t> produced{0};
  std::atomic<size_t> refused{0};
  Watched stuck;  // item 5's third piece is offered: it waits for room that never comes
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    for (size_t i = 0; i < 3; ++i) {
      if (item == 5 && i == 2) stuck.Add();
      if (!deliver({item, i, i == 2})) {
        ++refused;
        return;
      }
    }
    ++produced;
  });
  for (size_t item = 0; item < 5; ++item) {
    for (bool last = false; !last;) {
      std::optional<Piece> piece = pipeline.Next(item, kAlways);
      ASSERT_TRUE(piece.has_value());
      last = piece->last;
    }
    pipeline.Done(item);
  }
  stuck.WaitFor([](int n) { return n >= 1; });
  pipeline.Stop();  // joins: the producers waiting for room are told no
  const size_t after_stop = produced.load() + refused.load();
  EXPECT_LT(after_stop, kItems);
  EXPECT_LE(after_stop, 5 + 8u);  // at most the window beyond what was consumed
  EXPECT_GE(refused.load(), 1u);
  pipeline.Stop();  // again: nothing more to do
  EXPECT_EQ(produced.load() + refused.load(), after_stop);
}

TEST(OrderedPipeline, TheConsumerGivesUpWhenToldAndIdlesWhileWaiting) {
  Pipeline::Options options = Flow(2, 1, 1);
  Watched idled;
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    if (item == 0) idled.WaitFor([](int n) { return n >= 2; });  // not before the consumer idled
    deliver({item, 0, true});
  });
  // Item 0 arrives only after the consumer's idle work ran (and asked to wait again).
  std::optional<Piece> piece = pipeline.Next(
      0, kAlways,
      [&] {
        idled.Add();
        return idled.value() < 2;
      },
      std::chrono::milliseconds(1));
  ASSERT_TRUE(piece.has_value());
  EXPECT_GE(idled.value(), 2);
  pipeline.Done(0);
  // A consumer told to stop gets nothing, even with the piece waiting.
  EXPECT_FALSE(pipeline.Next(1, [] { return false; }).has_value());
}

TEST(OrderedPipeline, AConsumerToldToStopWhileWaitingGetsNothingEvenIfToldToGoOnAfter) {
  Pipeline::Options options = Flow(2, 1, 1);
  Watched release;
  Pipeline pipeline(std::move(options));
  pipeline.Start([&](size_t item, size_t, const Pipeline::Deliver& deliver) {
    release.WaitFor([](int n) { return n >= 1; });  // nothing arrives while the consumer asks
    deliver({item, 0, true});
  });
  // "Stop" to the first question, "go on" to any later one: the answer that ended the wait
  // must be the one that decides, since no piece is there to return.
  int asked = 0;
  const auto stop_then_go = [&] { return ++asked > 1; };
  EXPECT_FALSE(pipeline.Next(0, stop_then_go).has_value());
  release.Add();
  pipeline.Stop();
}

TEST(OrderedPipeline, NoThreadToBeHadStartsNoProducer) {
  Pipeline::Options options = Flow(3, 2, 1);
  options.start_thread = [](std::function<void()>, pthread_t*) {
    return Status::IOError("no threads today");
  };
  bool called = false;
  Pipeline pipeline(std::move(options));
  EXPECT_EQ(pipeline.Start([&](size_t, size_t, const Pipeline::Deliver&) { called = true; }), 0u);
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace morgue
