// LinePartReader: a file read as parts of whole lines, with the original made alongside.

#include "line_parts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "storage_codec.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using morgue::testing::TempDir;
using morgue::testing::WriteFile;

constexpr uint64_t kNoLimit = 0;

Status TooLarge() { return Status::InvalidArgument("a line is longer than the limit"); }

// Every part Next hands out, until the empty one, with the line number each starts at.
struct Parts {
  std::vector<std::string> texts;
  std::vector<uint64_t> first_lines;
};

Parts ReadAll(LinePartReader& reader) {
  Parts parts;
  for (;;) {
    auto part = reader.Next();
    EXPECT_TRUE(part.ok()) << part.status().ToString();
    if (!part.ok() || (*part)->empty()) break;
    parts.texts.push_back(**part);
    parts.first_lines.push_back(reader.first_line());
  }
  return parts;
}

// Lines of lengths that cycle from 0 to 40 bytes, so that parts cut at many places.
std::string ManyLines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += "line " + std::to_string(i) + ' ' + std::string(static_cast<size_t>(i % 41), 'x');
    text += '\n';
  }
  return text;
}

TEST(LinePartReader, PartsAreWholeLinesThatAddUpToTheFile) {
  TempDir dir;
  const std::string content = ManyLines(2000);
  WriteFile(dir / "lines.jsonl", content);
  LinePartReader reader(dir / "lines.jsonl", 256, kNoLimit, TooLarge());
  ASSERT_TRUE(reader.Open().ok());

  const Parts parts = ReadAll(reader);
  ASSERT_GT(parts.texts.size(), 10u);
  std::string joined;
  uint64_t line = 1;
  for (size_t i = 0; i < parts.texts.size(); ++i) {
    EXPECT_EQ(parts.texts[i].back(), '\n') << "part " << i << " ends inside a line";
    EXPECT_EQ(parts.first_lines[i], line) << "part " << i;
    line += static_cast<uint64_t>(std::count(parts.texts[i].begin(), parts.texts[i].end(), '\n'));
    joined += parts.texts[i];
  }
  EXPECT_EQ(joined, content);
}

TEST(LinePartReader, TheOriginalIsTheWholeFile) {
  TempDir dir;
  const std::string content = ManyLines(500) + "a last line without a break";
  WriteFile(dir / "lines.jsonl", content);
  LinePartReader reader(dir / "lines.jsonl", 128, kNoLimit, TooLarge());
  ASSERT_TRUE(reader.Open().ok());

  const Parts parts = ReadAll(reader);
  ASSERT_FALSE(parts.texts.empty());
  EXPECT_TRUE(parts.texts.back().ends_with("\na last line without a break")) << parts.texts.back();
  ASSERT_NE(reader.document(), nullptr);
  EXPECT_EQ(reader.document()->size(), content.size());
  EXPECT_EQ(reader.document()->sha256_hex(), Sha256Hex(content));
}

TEST(LinePartReader, ACallerThatStopsAfterTheFirstPartPaysNothingForTheOriginal) {
  TempDir dir;
  WriteFile(dir / "lines.jsonl", ManyLines(500));
  LinePartReader reader(dir / "lines.jsonl", 128, kNoLimit, TooLarge());
  ASSERT_TRUE(reader.Open().ok());
  auto first = reader.Next();
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE((*first)->empty());
  EXPECT_EQ(reader.document(), nullptr);
}

TEST(LinePartReader, ALineLongerThanAPartComesWholeInOnePart) {
  TempDir dir;
  const std::string long_line = std::string(5000, 'y') + '\n';
  WriteFile(dir / "lines.jsonl", "short\n" + long_line + "short again\n");
  LinePartReader reader(dir / "lines.jsonl", 64, kNoLimit, TooLarge());
  ASSERT_TRUE(reader.Open().ok());

  const Parts parts = ReadAll(reader);
  bool found = false;
  for (const std::string& part : parts.texts) {
    if (part.find(long_line) != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << "the long line was cut across parts";
}

TEST(LinePartReader, ALineOverTheLimitFailsWithTheCallersStatus) {
  for (const bool ends_with_break : {true, false}) {
    TempDir dir;
    std::string content = ManyLines(20) + std::string(3000, 'z');
    if (ends_with_break) content += '\n';
    content += "after\n";
    WriteFile(dir / "lines.jsonl", content);
    LinePartReader reader(dir / "lines.jsonl", 64, 1000, TooLarge());
    ASSERT_TRUE(reader.Open().ok());

    Status failure = Status::OK();
    for (int i = 0; i < 1000 && failure.ok(); ++i) {
      auto part = reader.Next();
      if (!part.ok())
        failure = part.status();
      else if ((*part)->empty())
        break;
    }
    EXPECT_EQ(failure.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(failure.message(), "a line is longer than the limit");
  }
}

TEST(LinePartReader, AnEmptyFileHasNoPartsAndAnEmptyOriginal) {
  TempDir dir;
  WriteFile(dir / "empty.jsonl", "");
  LinePartReader reader(dir / "empty.jsonl", 64, kNoLimit, TooLarge());
  ASSERT_TRUE(reader.Open().ok());
  auto part = reader.Next();
  ASSERT_TRUE(part.ok());
  EXPECT_TRUE((*part)->empty());
  ASSERT_NE(reader.document(), nullptr);
  EXPECT_EQ(reader.document()->size(), 0u);
  EXPECT_EQ(reader.document()->sha256_hex(), Sha256Hex(""));
}

TEST(LinePartReader, AMissingFileIsAnIOErrorWithTheReason) {
  TempDir dir;
  LinePartReader reader(dir / "absent.jsonl", 64, kNoLimit, TooLarge());
  const Status opened = reader.Open();
  EXPECT_EQ(opened.code(), StatusCode::kIOError);
  EXPECT_NE(opened.message().find("No such file"), std::string::npos) << opened.message();
}

}  // namespace
}  // namespace morgue
