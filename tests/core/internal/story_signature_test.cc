// Story signatures (core/src/story_signature.h): the seed article and the changes wire
// copies go through (a paragraph cut or moved, a credit added, half of it cut) stay
// near-duplicates; another article on the same subject does not; Korean text with its
// particles changed stays near, another Korean article on the subject does not.

#include "story_signature.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

using testing::SeedParagraphs;

std::string Body(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& p : paragraphs) body += (body.empty() ? "" : "\n\n") + p;
  return body;
}

StorySimilarity Compare(const std::string& a, const std::string& b) {
  const auto sa = SignStory(a);
  const auto sb = SignStory(b);
  EXPECT_TRUE(sa.has_value() && sb.has_value());
  return sa && sb ? CompareStories(*sa, *sb) : StorySimilarity{};
}

// Another article on the same subject, in the same words where the subject needs them.
constexpr char kSameSubject[] =
    "Japan and South Korea should sign a military information agreement soon, a Japanese "
    "defense official said Wednesday, ahead of talks between the two defense ministers.\n\n"
    "Defense Minister Toshimi Kitazawa is expected to raise the General Security of "
    "Military Information Agreement when he visits Seoul next week, the official said.\n\n"
    "Tokyo hopes the pact would let both countries share intelligence on North Korea's "
    "missile launches more quickly, according to the ministry in Tokyo.\n\n"
    "Opposition lawmakers in Seoul have warned that public opinion, shaped by memories of "
    "the colonial era, remains wary of any military cooperation with Japan.\n\n"
    "The ministers are also expected to discuss joint disaster relief exercises and the "
    "exchange of cadets between their military academies.";

constexpr char kKorean[] =
    "국방부는 일본과 첫 군사협정을 올해 안에 체결하는 방안을 검토하고 있다고 4일 밝혔다.\n\n"
    "김관진 국방부 장관과 기타자와 도시미 일본 방위상은 오는 10일과 11일 서울에서 회담을 열고 "
    "이 문제를 논의할 예정이다.\n\n"
    "정부는 군사정보보호협정과 상호군수지원협정 체결을 추진하는 것으로 알려졌다.\n\n"
    "군사정보보호협정이 체결되면 두 나라는 북한의 핵 프로그램과 대량살상무기에 관한 정보를 "
    "체계적으로 교환할 수 있게 된다.\n\n"
    "그러나 식민 지배의 기억이 남아 있는 만큼 국내 여론의 반발이 클 수 있다는 지적도 나온다.";

// The same story as another paper words it: particles and endings changed, a sentence cut.
constexpr char kKoreanRewritten[] =
    "국방부가 일본과 첫 군사협정을 올해 안에 체결하는 방안을 검토하고 있다고 4일 밝혔다.\n\n"
    "김관진 국방부 장관과 기타자와 도시미 일본 방위상은 오는 10일과 11일 서울에서 회담을 갖고 "
    "이 문제를 논의할 계획이다.\n\n"
    "정부는 군사정보보호협정과 상호군수지원협정의 체결을 추진하는 것으로 알려졌다.\n\n"
    "군사정보보호협정이 체결되면 양국은 북한의 핵 프로그램과 대량살상무기에 관한 정보를 "
    "체계적으로 교환할 수 있게 된다.";

// Another Korean article on the same subject.
constexpr char kKoreanOther[] =
    "일본 정부가 한국과의 군사정보 공유를 서두르고 있다고 일본 언론이 5일 보도했다.\n\n"
    "방위성 관계자는 북한의 미사일 발사에 신속하게 대응하려면 양국 간 정보 교환 체계가 "
    "필요하다고 말했다.\n\n"
    "야당 의원들은 과거사 문제가 해결되지 않은 상황에서 협정을 맺는 것은 시기상조라고 "
    "비판했다.\n\n"
    "양국 국방장관은 이번 회담에서 재난 구호 공동훈련과 사관생도 교류도 논의할 것으로 보인다.";

TEST(StorySignature, WireCopyChangesStayNearDuplicates) {
  const std::vector<std::string> seed = SeedParagraphs();
  ASSERT_EQ(seed.size(), 14u);
  const std::string body = Body(seed);

  EXPECT_EQ(Compare(body, body).jaccard, 1.0);

  std::vector<std::string> cut = seed;
  cut.erase(cut.begin() + 5);
  std::vector<std::string> moved = seed;
  std::rotate(moved.begin() + 3, moved.begin() + 4, moved.begin() + 9);
  std::vector<std::string> credited = seed;
  credited.insert(credited.begin(), "SEOUL, Jan. 4 (Yonhap) -- Compiled by the foreign desk.");
  std::vector<std::string> half(seed.begin(), seed.begin() + 7);
  const std::string recased = Body(seed) + "\n\nCOPYRIGHT THE KOREA TIMES.";

  for (const std::string& variant : {Body(cut), Body(moved), Body(credited), recased}) {
    const StorySimilarity similarity = Compare(body, variant);
    EXPECT_GT(similarity.jaccard, 0.7) << variant.substr(0, 80);
    EXPECT_TRUE(IsNearDuplicate(similarity)) << variant.substr(0, 80);
  }
  // Half of it: most of the shorter is in the longer.
  const StorySimilarity halved = Compare(body, Body(half));
  EXPECT_GT(halved.containment, 0.8);
  EXPECT_TRUE(IsNearDuplicate(halved));
}

TEST(StorySignature, AnotherArticleOnTheSameSubjectIsNot) {
  const StorySimilarity similarity = Compare(Body(SeedParagraphs()), kSameSubject);
  EXPECT_LT(similarity.jaccard, 0.1);
  EXPECT_FALSE(IsNearDuplicate(similarity));
}

TEST(StorySignature, KoreanIsComparedByCharacters) {
  const StorySimilarity rewritten = Compare(kKorean, kKoreanRewritten);
  EXPECT_TRUE(IsNearDuplicate(rewritten)) << rewritten.jaccard << " " << rewritten.containment;
  const StorySimilarity other = Compare(kKorean, kKoreanOther);
  EXPECT_FALSE(IsNearDuplicate(other)) << other.jaccard << " " << other.containment;
}

constexpr char kHarbourLog[] =
    "The harbour master said on Tuesday that the two ferry companies will share the north "
    "quay while the south quay is repaired, a job expected to take until the end of March. "
    "Fishing boats will use the inner basin, and the pilots will guide every ship larger than "
    "a trawler in and out of the port at high tide only.";

TEST(StorySignature, CaseAndSpacingDoNotMatter) {
  std::string shouted = kHarbourLog;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string spaced = kHarbourLog;
  for (size_t at = spaced.find(' '); at != std::string::npos; at = spaced.find(' ', at + 3)) {
    spaced.replace(at, 1, " \n ");
  }
  const auto a = SignStory(kHarbourLog);
  const auto b = SignStory(shouted);
  const auto c = SignStory(spaced);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a->minhash, b->minhash);
  EXPECT_EQ(a->minhash, c->minhash);
  EXPECT_EQ(a->shingles, b->shingles);
}

// A passage pasted twice adds no shingles but the few across the seam: the count is of
// distinct shingles, and the least hashes are those of the text once.
TEST(StorySignature, ShinglesRepeatedAreCountedOnce) {
  std::vector<std::string> words(50);
  for (size_t i = 0; i < words.size(); ++i) words[i] = "word" + std::to_string(i);
  std::string once;
  for (const std::string& word : words) once += word + " ";
  const auto twice = SignStory(once + once);
  // The same 50 distinct shingles: the 47 of the text once, and the 3 across the seam.
  const auto seam = SignStory(once + words[0] + " " + words[1] + " " + words[2]);
  ASSERT_TRUE(twice && seam);
  EXPECT_EQ(twice->shingles, 50);
  EXPECT_EQ(seam->shingles, 50);
  EXPECT_EQ(twice->minhash, seam->minhash);
}

// Archives keep signatures (story_signatures.minhash): a body signed today must give
// exactly what earlier versions stored, or stored articles would stop finding new copies.
TEST(StorySignature, SignaturesAreWhatArchivesStored) {
  const auto signature = SignStory(kHarbourLog);
  ASSERT_TRUE(signature.has_value());
  std::string hex;
  for (const char byte : signature->Encode()) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[static_cast<unsigned char>(byte) >> 4];
    hex += kDigits[static_cast<unsigned char>(byte) & 0xF];
  }
  EXPECT_EQ(signature->shingles, 57);
  EXPECT_EQ(hex,
            "b0464000ffb6ee06f27a2807879e4701ba1bfd00fca47c068c8d0c08116374039da20c0af0004d00"
            "372cfa0e5a150704d2209201a4f42601a7ffe303a65b2705655eeb0859427f03f08a7c095853b202"
            "be2794045b94bb0717de5501a09e410229cb3906bed2150112348b089c66340707706c0624caf90a"
            "5c515c018a189005432ae104d739a8021511490091229f04a16cdf106fccac08cd2a451d87685300"
            "de818a0233e9400366513a027ebf570272030a052770d605b867420630e20a048ca5ad004d6c1101"
            "43a21e011d354807cc1bd800b67fd90346e726028f3089032d47c60e48600707e65fc5038a1d6304"
            "50c3a5026bad2702a86d3c046af87302");
}

// Short texts are too short to tell a story from a template: two harbour logs that differ
// in a date and a count share most of their words.
TEST(StorySignature, ShortBodiesAreNotSigned) {
  EXPECT_FALSE(SignStory("").has_value());
  EXPECT_FALSE(SignStory("The harbour log for day 12 records 84 boats, calm water and the "
                         "pilots' report, filed before noon.")
                   .has_value());
  const auto signature = SignStory(kHarbourLog);
  ASSERT_TRUE(signature.has_value());
  EXPECT_GE(signature->shingles, kMinShingles);
}

TEST(StorySignature, EncodedSignaturesReadBackAndNothingElseDoes) {
  const auto signature = SignStory(Body(SeedParagraphs()));
  ASSERT_TRUE(signature);
  const std::string bytes = signature->Encode();
  EXPECT_EQ(bytes.size(), 4u * kSignatureHashes);
  const auto decoded = StorySignature::Decode(signature->shingles, bytes);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->minhash, signature->minhash);
  EXPECT_FALSE(StorySignature::Decode(signature->shingles, bytes.substr(1)).has_value());
  EXPECT_FALSE(StorySignature::Decode(0, bytes).has_value());
  // Band keys: equal signatures, equal keys; bands of one signature differ.
  EXPECT_EQ(BandKey(*signature, 3), BandKey(*decoded, 3));
  EXPECT_NE(BandKey(*signature, 3), BandKey(*signature, 4));
}

}  // namespace
}  // namespace morgue
