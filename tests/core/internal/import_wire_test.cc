// The wire format between the import host and its worker process (import_wire.h): every
// message kind survives a round trip; frames and payloads that are cut short, whose
// lengths lie, or that are garbage fail with a Corruption status, never crash, and never
// make the decoder allocate more than the bytes it was given could hold.

#include "import_wire.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.h"

// Every allocation of this test program goes through here, so that a test can see the
// largest single allocation a decoder made.
namespace {
std::atomic<size_t> largest_allocation{0};
}  // namespace

void* operator new(size_t size) {
  size_t seen = largest_allocation.load(std::memory_order_relaxed);
  while (size > seen && !largest_allocation.compare_exchange_weak(seen, size)) {
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace morgue::import_job::wire {
namespace {

Article FullArticle() {
  Article a;
  a.title = "Flood closes the ferry";
  a.subtitle = "Second time this year";
  a.body = "Line one.\nLine two with a NUL " + std::string(1, '\0') + " inside.";
  a.summary = "The ferry is closed.";
  a.language = "en";
  a.url = "https://example.org/ferry";
  a.canonical_url = "https://example.org/news/ferry";
  a.published = "2024-03-01T08:00:00Z";
  a.updated = "2024-03-02T09:30:00Z";
  a.source = "Example Gazette";
  a.authors = {{"Ana Ruiz", "ana@example.org", "author"}, {"Bo Li", "", "poster"}};
  a.tags = {"weather", "transport"};
  a.tag_origins = {{"weather", "plugin"}, {"transport", "option"}};
  a.media = {{"https://example.org/ferry.jpg", "The ferry at rest", "Photo: C. Dee"}};
  a.provenance = {{"title", "og:title"}, {"published", "json-ld"}};
  return a;
}

JobInput FullInput() {
  JobInput input;
  input.format = "jsonl";
  input.name = "/data/in.jsonl";
  input.path = "/data/in.jsonl";
  input.bytes = std::make_shared<const std::string>(std::string("{\"title\":\"x\"}\n\0\xff", 16));
  input.first_line = 812;
  input.probe_only = true;
  input.extension = ".html";
  input.parameters = {{"drafts", "true"}, {"pages", ""}};
  input.hints = FullArticle();
  input.hints_origin = "rss item";
  return input;
}

Collected FullReply() {
  Collected collected;
  collected.plugin = "json";
  collected.format = "jsonl";
  collected.reads_lines = true;
  collected.reads_container = true;
  collected.articles = {FullArticle(), Article{}};
  collected.articles[1].title = "Second";
  return collected;
}

// Decodes `payload` with every decoder, as a worker or host might meet it, and returns
// the failures; a decoder that succeeded contributes an OK status.
std::vector<Status> DecodeAll(std::string_view payload) {
  return {DecodeInput(payload).status(), DecodeChosen(payload).status(),
          DecodeReply(payload).status()};
}

// The statuses of decoding `payload` with every decoder, checking each failure is a
// Corruption that says so, and that no decoder allocated more than `bound` bytes at once.
void ExpectRefusedByAll(std::string_view payload, size_t bound, const std::string& what) {
  largest_allocation = 0;
  const std::vector<Status> statuses = DecodeAll(payload);
  EXPECT_LE(largest_allocation.load(), bound) << what;
  for (const Status& status : statuses) {
    EXPECT_EQ(status.code(), StatusCode::kCorruption) << what << ": " << status.ToString();
    EXPECT_FALSE(status.message().empty()) << what;
  }
}

void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

TEST(ImportWire, InputRoundTrip) {
  const JobInput input = FullInput();
  Result<JobInput> decoded = DecodeInput(EncodeInput(input));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->format, input.format);
  EXPECT_EQ(decoded->name, input.name);
  EXPECT_EQ(decoded->path, input.path);
  ASSERT_NE(decoded->bytes, nullptr);
  EXPECT_EQ(*decoded->bytes, *input.bytes);
  EXPECT_EQ(decoded->first_line, 812u);
  EXPECT_TRUE(decoded->probe_only);
  EXPECT_EQ(decoded->extension, ".html");
  EXPECT_EQ(decoded->parameters, input.parameters);
  ASSERT_TRUE(decoded->hints.has_value());
  EXPECT_EQ(*decoded->hints, *input.hints);
  EXPECT_EQ(decoded->hints_origin, "rss item");
}

TEST(ImportWire, InputWithoutBytesRoundTripsAsEmpty) {
  JobInput input;
  input.name = "<stdin>";
  Result<JobInput> decoded = DecodeInput(EncodeInput(input));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->name, "<stdin>");
  ASSERT_NE(decoded->bytes, nullptr);
  EXPECT_TRUE(decoded->bytes->empty());
  EXPECT_EQ(decoded->first_line, 1u);
  EXPECT_FALSE(decoded->probe_only);
  EXPECT_FALSE(decoded->hints.has_value());
  EXPECT_TRUE(decoded->parameters.empty());
}

TEST(ImportWire, ContainerJobsAndRecordsRoundTrip) {
  JobInput next;
  next.name = "crawl.warc.gz";
  next.format = "warc";
  next.plugin = "warc";
  next.container_op = ContainerOp::kNext;
  Result<JobInput> decoded_input = DecodeInput(EncodeInput(next));
  ASSERT_TRUE(decoded_input.ok()) << decoded_input.status().ToString();
  EXPECT_EQ(decoded_input->container_op, ContainerOp::kNext);
  EXPECT_EQ(decoded_input->plugin, "warc");

  Collected reply;
  reply.plugin = "warc";
  ContainerItem item;
  item.kind = ContainerItem::kDocument;
  item.id = "urn:uuid:1";
  item.offset = 81920;
  item.bytes = std::string("<html>\0\xff</html>", 15);
  item.extension = ".html";
  item.media_type = "text/html";
  item.hints.origin = "warc record";
  item.hints.url = "https://example.org/a";
  item.hints.captured = "2024-05-01T10:00:00Z";
  item.hints.authors = {{"Kim", "", "poster"}};
  item.hints.tags = {"ferries", "ports"};
  item.hints.media = {{"https://example.org/quay.jpg", "The quay at dawn", "Reuters"}};
  item.provenance = {{"body", "feed-summary"}};
  item.failure = Status::Corruption("not read");
  reply.item = item;
  Result<Collected> decoded = DecodeReply(EncodeReply(reply));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_TRUE(decoded->item.has_value());
  EXPECT_EQ(decoded->item->bytes, item.bytes);
  EXPECT_EQ(decoded->item->offset, 81920u);
  EXPECT_EQ(decoded->item->hints, item.hints);
  EXPECT_EQ(decoded->item->provenance, item.provenance);
  EXPECT_EQ(decoded->item->failure.code(), StatusCode::kCorruption);
  EXPECT_EQ(decoded->item->failure.message(), "not read");
}

TEST(ImportWire, AContainerToOpenFromItsFileComesWithoutBytes) {
  JobInput open;
  open.name = open.path = "/data/crawl.warc.gz";
  open.plugin = open.format = "warc";
  open.container_op = ContainerOp::kOpen;
  Result<JobInput> decoded = DecodeInput(EncodeInput(open));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->bytes, nullptr);  // so the worker reads the file, not an empty input
  open.bytes = std::make_shared<const std::string>("@@ a|doc\n");
  decoded = DecodeInput(EncodeInput(open));
  ASSERT_TRUE(decoded.ok());
  ASSERT_NE(decoded->bytes, nullptr);
  EXPECT_EQ(*decoded->bytes, "@@ a|doc\n");
}

TEST(ImportWire, AnUnknownContainerOperationIsRefused) {
  JobInput input;
  std::string payload = EncodeInput(input);
  // The operation is the number before the plugin's (empty) name and the bytes flag.
  payload[payload.size() - 24] = 7;
  Result<JobInput> decoded = DecodeInput(payload);
  EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(decoded.status().message(), "the input message asks an unknown container operation");
}

TEST(ImportWire, ChosenRoundTrip) {
  for (const std::string& plugin : std::vector<std::string>{"html", "", std::string("a\0b", 3)}) {
    Result<std::string> decoded = DecodeChosen(EncodeChosen(plugin));
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(*decoded, plugin);
  }
}

TEST(ImportWire, ReplyRoundTrip) {
  const Collected reply = FullReply();
  Result<Collected> decoded = DecodeReply(EncodeReply(reply));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_TRUE(decoded->status.ok());
  EXPECT_EQ(decoded->plugin, "json");
  EXPECT_EQ(decoded->format, "jsonl");
  EXPECT_TRUE(decoded->reads_lines);
  EXPECT_TRUE(decoded->reads_container);
  EXPECT_EQ(decoded->articles, reply.articles);
  EXPECT_EQ(decoded->worker_signal, 0);
}

TEST(ImportWire, FailedReplyKeepsItsStatusAndNoArticles) {
  Collected reply = FullReply();
  reply.status = Status::PluginFailed("the importer gave up");
  Result<Collected> decoded = DecodeReply(EncodeReply(reply));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->status.code(), StatusCode::kPluginFailed);
  EXPECT_EQ(decoded->status.message(), "the importer gave up");
  EXPECT_EQ(decoded->plugin, "json");
  EXPECT_TRUE(decoded->articles.empty());
}

TEST(ImportWire, ReplyWithAnUnknownStatusCodeIsRefused) {
  std::string payload = EncodeReply(Collected{});
  payload[1] = static_cast<char>(200);  // the status code's low byte
  Result<Collected> decoded = DecodeReply(payload);
  EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(decoded.status().message(), "the reply has an unknown status code 200");
}

TEST(ImportWire, EachDecoderRefusesTheOtherKinds) {
  EXPECT_EQ(DecodeInput(EncodeChosen("html")).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(DecodeChosen(EncodeReply(FullReply())).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(DecodeReply(EncodeInput(FullInput())).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(DecodeReply(std::string(1, kHello)).status().code(), StatusCode::kCorruption);
}

TEST(ImportWire, EveryTruncatedPayloadIsRefused) {
  for (const std::string& payload :
       {EncodeInput(FullInput()), EncodeChosen("html"), EncodeReply(FullReply())}) {
    for (size_t cut = 0; cut < payload.size(); ++cut) {
      const std::string_view prefix = std::string_view(payload).substr(0, cut);
      ExpectRefusedByAll(prefix, payload.size() + 4096, "cut at " + std::to_string(cut));
    }
  }
  EXPECT_EQ(DecodeInput(EncodeInput(FullInput()).substr(0, 20)).status().message(),
            "the input message is cut short or malformed");
}

TEST(ImportWire, BytesAfterTheEndAreRefused) {
  Result<std::string> decoded = DecodeChosen(EncodeChosen("html") + "x");
  EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(decoded.status().message(), "the message naming the importer has bytes after its end");
}

TEST(ImportWire, LyingStringLengthsAllocateNothingLarge) {
  for (uint64_t lie :
       {uint64_t{6}, uint64_t{1} << 30, uint64_t{1} << 40, std::numeric_limits<uint64_t>::max()}) {
    std::string payload(1, kChosen);
    PutU64(payload, lie);
    payload += "html";
    ExpectRefusedByAll(payload, 4096, "a string of " + std::to_string(lie) + " bytes");
    std::string input(1, kInput);
    PutU64(input, lie);
    input += std::string(100, 'x');
    ExpectRefusedByAll(input, 4096, "an input string of " + std::to_string(lie) + " bytes");
  }
}

TEST(ImportWire, LyingCountsAllocateNothingLarge) {
  // A reply that claims more articles (or an article more authors) than its bytes hold.
  for (uint64_t lie : {uint64_t{2}, uint64_t{1} << 32, std::numeric_limits<uint64_t>::max()}) {
    std::string reply = EncodeReply(Collected{});
    reply.resize(reply.size() - 8);  // the article count
    PutU64(reply, lie);
    reply += std::string(200, '\0');
    ExpectRefusedByAll(reply, 8192, "a reply of " + std::to_string(lie) + " articles");

    Collected one;
    one.articles.push_back(Article{});
    std::string authors = EncodeReply(one);
    // The author count follows the article's 10 strings (8 bytes each, all empty).
    const size_t at = authors.size() - 5 * 8;
    std::string forged = authors.substr(0, at);
    PutU64(forged, lie);
    forged += authors.substr(at + 8);
    ExpectRefusedByAll(forged, 8192, "an article of " + std::to_string(lie) + " authors");
  }
}

TEST(ImportWire, GarbageIsRefusedOrDecodedNeverACrash) {
  std::mt19937 random(13);
  const std::string seeds[] = {EncodeInput(FullInput()), EncodeReply(FullReply())};
  for (int round = 0; round < 3000; ++round) {
    std::string payload;
    if (round % 2 == 0) {  // random bytes after a valid type byte
      payload.push_back("HICR"[random() % 4]);
      const size_t size = random() % 300;
      for (size_t i = 0; i < size; ++i) payload.push_back(static_cast<char>(random()));
    } else {  // a real message with a few bytes changed
      payload = seeds[random() % 2];
      for (int flips = 1 + random() % 4; flips > 0; --flips) {
        payload[random() % payload.size()] = static_cast<char>(random());
      }
    }
    largest_allocation = 0;
    for (const Status& status : DecodeAll(payload)) {
      if (!status.ok()) EXPECT_EQ(status.code(), StatusCode::kCorruption) << status.ToString();
    }
    EXPECT_LE(largest_allocation.load(), 2 * payload.size() + 4096) << "round " << round;
  }
}

TEST(ImportWire, FrameRoundTrip) {
  const std::string first = EncodeChosen("html");
  const std::string second = EncodeReply(FullReply());
  const std::string stream = Frame(first) + Frame(second);
  Result<std::optional<std::string_view>> one = NextFrame(stream, 1 << 20);
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ(**one, first);
  const std::string_view rest = std::string_view(stream).substr(kFrameHeader + first.size());
  Result<std::optional<std::string_view>> two = NextFrame(rest, 1 << 20);
  ASSERT_TRUE(two.ok() && two->has_value());
  EXPECT_EQ(**two, second);
  EXPECT_EQ(FrameLength(Frame(second)), second.size());
}

TEST(ImportWire, TruncatedFramesWaitForMore) {
  const std::string frame = Frame(EncodeInput(FullInput()));
  for (size_t cut = 0; cut < frame.size(); ++cut) {
    Result<std::optional<std::string_view>> next =
        NextFrame(std::string_view(frame).substr(0, cut), 1 << 20);
    ASSERT_TRUE(next.ok()) << "cut at " << cut << ": " << next.status().ToString();
    EXPECT_FALSE(next->has_value()) << "cut at " << cut;
  }
}

TEST(ImportWire, FramesWhoseLengthLiesAreRefused) {
  // Longer than the data: more is awaited, nothing is read past the end.
  std::string longer;
  PutU64(longer, 1000);
  longer += "Chtml";
  Result<std::optional<std::string_view>> waiting = NextFrame(longer, 1 << 20);
  ASSERT_TRUE(waiting.ok());
  EXPECT_FALSE(waiting->has_value());

  // Absurdly large, or empty: refused at once, from the header alone.
  for (uint64_t lie : {uint64_t{0}, uint64_t{(1 << 20) + 1}, uint64_t{1} << 40,
                       std::numeric_limits<uint64_t>::max()}) {
    std::string frame;
    PutU64(frame, lie);
    frame += "Chtml";
    largest_allocation = 0;
    Result<std::optional<std::string_view>> refused = NextFrame(frame, 1 << 20);
    EXPECT_LE(largest_allocation.load(), 4096u);
    EXPECT_EQ(refused.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(refused.status().message(), "a message of " + std::to_string(lie) + " bytes");
  }
}

TEST(ImportWire, GarbageStreamsNeverCrashTheFrameReader) {
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string stream;
    const size_t size = random() % 64;
    for (size_t i = 0; i < size; ++i)
      stream.push_back(static_cast<char>(random() % 4 ? 0 : random()));
    std::string_view rest = stream;
    while (true) {
      Result<std::optional<std::string_view>> next = NextFrame(rest, 32);
      if (!next.ok()) {
        EXPECT_EQ(next.status().code(), StatusCode::kCorruption);
        break;
      }
      if (!next->has_value()) break;
      EXPECT_LE((*next)->size(), 32u);
      rest.remove_prefix(kFrameHeader + (*next)->size());
    }
  }
}

// The wire fuzzer's seeds (tests/fuzz/seeds/wire) are frames of real messages: each
// must be what the encoder makes of the message it stands for today. After a change to
// the wire format, run this test once with MORGUE_WRITE_WIRE_SEEDS=1 to write them anew.
TEST(ImportWire, FuzzSeedsAreTheEncodersFrames) {
  const std::filesystem::path seeds = morgue::testing::SourceDir() / "tests/fuzz/seeds/wire";
  JobInput small;
  small.format = "html";
  small.name = "page.html";
  small.path = "page.html";
  small.bytes = std::make_shared<const std::string>("<html><title>Ferry</title></html>");
  Collected failed;
  failed.plugin = "html";
  failed.format = "html";
  failed.status = Status::InvalidArgument("no article found in it");
  const std::map<std::string, std::string> expected = {
      {"hello", Frame(std::string(1, kHello))},
      {"input", Frame(EncodeInput(small))},
      {"input-full", Frame(EncodeInput(FullInput()))},
      {"chosen", Frame(EncodeChosen("html"))},
      {"reply", Frame(EncodeReply(FullReply()))},
      {"reply-failed", Frame(EncodeReply(failed))},
      {"conversation", Frame(EncodeChosen("json")) + Frame(EncodeReply(FullReply()))},
  };
  if (std::getenv("MORGUE_WRITE_WIRE_SEEDS") != nullptr) {
    for (const auto& [name, frame] : expected) {
      std::ofstream(seeds / name, std::ios::binary) << frame;
    }
  }
  size_t found = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    const std::string name = entry.path().filename().string();
    ASSERT_TRUE(expected.count(name)) << "an unknown seed " << name;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(bytes, expected.at(name)) << name;
    ++found;
  }
  EXPECT_EQ(found, expected.size());
}

}  // namespace
}  // namespace morgue::import_job::wire
