// Search that reads Korean, Japanese and Chinese: a word is found inside longer runs of
// text (particles attached, compounds, sentences without spaces), with snippets cut from
// the article's own text, on a real archive; other scripts keep word and prefix search;
// the index stays one a plain SQLite connection can query and check; an archive from
// before is indexed again when it is opened.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;
using Ids = std::vector<int64_t>;

struct Story {
  const char* title;
  const char* body;
};

// 1-4 Korean, 5-6 Japanese, 7 simplified and 8 traditional Chinese, 9 English.
const Story kStories[] = {
    {"한일 군사협정 체결 추진",
     "정부가 일본과 군사협정을 체결하는 방안을 검토하고 있다고 밝혔다. 협정은 정보 교류를 "
     "다룬다."},
    {"국방부, 협정 논의 부인", "국방부는 협정에 대한 논의가 없었다고 말했다."},
    {"서울 첫 한파 특보", "서울에 올겨울 첫 한파 특보가 내려졌다. 시민들은 두꺼운 옷을 입었다."},
    {"Samsung 갤럭시폰 출시", "삼성전자가 새 Galaxy폰을 내놓았다."},
    {"日韓、軍事協定の締結を検討", "日本と韓国は軍事協定の締結に向けて協議を始めた。"},
    {"ニュースの要約", "今日のニュースをお伝えします。東京は晴れです。"},
    {"韩日讨论军事协定", "韩国和日本政府开始讨论签订军事协定的问题。"},
    {"韓日討論軍事協定", "韓國和日本政府開始討論簽訂軍事協定的問題。"},
    {"Harbour master retires", "The harbour master of Busan retires after forty years."},
};

class CjkSearchTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open(OpenOptions options = {}) {
    auto opened = Archive::Open(path_, options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  void AddStories() {
    for (const Story& story : kStories) {
      Article a;
      a.title = story.title;
      a.body = story.body;
      a.source = "Test Wire";
      auto added = archive_->Add(a);
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    }
  }

  std::vector<SearchHit> Hits(const std::string& query, bool literal = false) {
    Filter filter;
    filter.query = query;
    filter.literal_query = literal;
    auto hits = archive_->Search(filter);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
    return hits.ok() ? std::move(hits).value() : std::vector<SearchHit>{};
  }

  Ids Find(const std::string& query, bool literal = false) {
    Ids ids;
    for (const SearchHit& hit : Hits(query, literal)) ids.push_back(hit.article.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  // FTS5's own check of the index against the articles it indexes.
  void ExpectIndexIntact() {
    testing::ExecSql(path_, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
  }

  TempDir dir_;
  std::filesystem::path path_ = dir_ / "a.db";
  std::unique_ptr<Archive> archive_;
};

TEST_F(CjkSearchTest, KoreanWordsAreFoundWithParticlesAttachedAndInsideCompounds) {
  AddStories();
  // "협정" stands alone in 2, with a particle (협정을, 협정은, 협정에) and in 군사협정.
  EXPECT_EQ(Find("협정"), (Ids{1, 2}));
  EXPECT_EQ(Find("협정을"), (Ids{1}));
  EXPECT_EQ(Find("군사협정"), (Ids{1}));
  EXPECT_EQ(Find("한파"), (Ids{3}));
  // A whole word that is not there finds nothing, nor do characters out of order.
  EXPECT_EQ(Find("정협"), Ids{});
  EXPECT_EQ(Find("태풍"), Ids{});
}

TEST_F(CjkSearchTest, JapaneseAndChineseAreFoundWithoutSpaces) {
  AddStories();
  EXPECT_EQ(Find("軍事協定"), (Ids{5, 8}));  // Japanese and traditional Chinese share it
  EXPECT_EQ(Find("締結"), (Ids{5}));
  EXPECT_EQ(Find("ニュース"), (Ids{6}));
  EXPECT_EQ(Find("東京"), (Ids{6}));
  EXPECT_EQ(Find("军事协定"), (Ids{7}));  // simplified
  EXPECT_EQ(Find("簽訂"), (Ids{8}));
  EXPECT_EQ(Find("签订"), (Ids{7}));
}

TEST_F(CjkSearchTest, OneCharacterFindsItAnywhereInARun) {
  AddStories();
  EXPECT_EQ(Find("협"), (Ids{1, 2}));  // it opens 협정
  EXPECT_EQ(Find("과"), (Ids{1}));     // it ends 일본과
  EXPECT_EQ(Find("본"), (Ids{1}));     // within 일본과
}

TEST_F(CjkSearchTest, OperatorsPhrasesColumnsAndMixedScriptsStillWork) {
  AddStories();
  EXPECT_EQ(Find("협정 AND 국방부"), (Ids{2}));
  EXPECT_EQ(Find("협정 NOT 국방부"), (Ids{1}));
  EXPECT_EQ(Find("협정 OR 한파"), (Ids{1, 2, 3}));
  EXPECT_EQ(Find("title:협정"), (Ids{1, 2}));
  EXPECT_EQ(Find("body:군사협정"), (Ids{1}));
  EXPECT_EQ(Find("subtitle:협정"), Ids{});
  EXPECT_EQ(Find("\"첫 한파\""), (Ids{3}));
  EXPECT_EQ(Find("NEAR(군사협정 체결, 3)"), (Ids{1}));
  EXPECT_EQ(Find("Galaxy폰"), (Ids{4}));
  EXPECT_EQ(Find("Samsung 갤럭시"), (Ids{4}));
  EXPECT_EQ(Find("군사협정", /*literal=*/true), (Ids{1}));
  EXPECT_EQ(Find("협정 체결", /*literal=*/true), (Ids{1}));
}

TEST_F(CjkSearchTest, WordsAfterNotAreLeftOutTogetherAsInOtherScripts) {
  for (const char* title : {"선박", "선박 항구", "선박 선장", "선박 항구 선장"}) {
    Article a;
    a.title = title;
    ASSERT_TRUE(archive_->Add(a).ok());
  }
  // "a NOT b c" leaves out the articles with both b and c, in Korean as in English.
  EXPECT_EQ(Find("선박 NOT 항구 선장"), (Ids{1, 2, 3}));
  EXPECT_EQ(Find("선박 NOT (항구 OR 선장)"), (Ids{1}));
}

TEST_F(CjkSearchTest, PunctuationBesideACjkWordIsPassedOver) {
  AddStories();
  EXPECT_EQ(Find("협정 ..."), (Ids{1, 2}));
  EXPECT_EQ(Find("협정 —"), (Ids{1, 2}));
  EXPECT_EQ(Find("협정 ·"), (Ids{1, 2}));
  EXPECT_EQ(Find("협정 ...", /*literal=*/true), (Ids{1, 2}));
  EXPECT_EQ(Find("협정 &", /*literal=*/true), (Ids{1, 2}));
}

TEST_F(CjkSearchTest, NearWithWordsOfOtherScriptsCountsWords) {
  Article a;
  a.title = "신제품";
  a.body = "Samsung 갤럭시 새 모델이 나왔다.";
  for (int i = 0; i < 30; ++i) a.body += " 시장의 반응은 좋았다.";
  ASSERT_TRUE(archive_->Add(a).ok());
  EXPECT_EQ(Find("NEAR(Samsung 갤럭시)"), (Ids{1}));
  EXPECT_EQ(Find("NEAR(Samsung 반응은, 2)"), Ids{});
}

TEST_F(CjkSearchTest, NoPhraseRunsFromTheTextIntoItsPairs) {
  Article a;
  a.title = "갤럭시 출시, made by Samsung";
  ASSERT_TRUE(archive_->Add(a).ok());
  EXPECT_EQ(Find("갤럭시"), (Ids{1}));
  EXPECT_EQ(Find("Samsung갤럭시"), Ids{});
}

TEST_F(CjkSearchTest, OtherScriptsKeepWordAndPrefixSearch) {
  AddStories();
  EXPECT_EQ(Find("harbour"), (Ids{9}));
  EXPECT_EQ(Find("harb*"), (Ids{9}));
  EXPECT_EQ(Find("harb"), Ids{});  // not a word: English is not searched inside words
  // A word written against Korean in one run is a word of its own too.
  EXPECT_EQ(Find("Galaxy"), (Ids{4}));
  const std::vector<SearchHit> hits = Hits("harbour");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].snippet, "[Harbour] master retires");  // FTS5's own snippet
}

TEST_F(CjkSearchTest, SnippetsShowTheArticlesOwnTextWithTheHitsMarked) {
  AddStories();
  const std::vector<SearchHit> hits = Hits("협정을");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].snippet,
            "정부가 일본과 군사[협정을] 체결하는 방안을 검토하고 있다고 "
            "밝혔다. 협정은 정보 교류를 다룬다.");
  const std::vector<SearchHit> japanese = Hits("締結");
  ASSERT_EQ(japanese.size(), 1u);
  EXPECT_EQ(japanese[0].snippet, "日本と韓国は軍事協定の[締結]に向けて協議を始めた。");
  // A long body: the window starts a little before the first hit, "…" where text goes on.
  Article long_story;
  long_story.title = "긴 기사";
  for (int i = 0; i < 30; ++i) long_story.body += "앞부분의 문장입니다. ";
  long_story.body += "여기서 태풍 소식을 전합니다. ";
  for (int i = 0; i < 30; ++i) long_story.body += "뒷부분의 문장입니다. ";
  ASSERT_TRUE(archive_->Add(long_story).ok());
  const std::vector<SearchHit> typhoon = Hits("태풍");
  ASSERT_EQ(typhoon.size(), 1u);
  const std::string& snippet = typhoon[0].snippet;
  EXPECT_EQ(snippet.rfind("…", 0), 0u) << snippet;
  EXPECT_NE(snippet.find("여기서 [태풍] 소식을"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.substr(snippet.size() - std::string("…").size()), "…") << snippet;
  // Never the index's grams.
  EXPECT_EQ(snippet.find("태풍 풍"), std::string::npos) << snippet;
  // NEAR's distance is not a word to mark.
  Article count;
  count.title = "5개국 교류";
  count.body = "5개국이 협정을 맺고 교류를 늘린다.";
  ASSERT_TRUE(archive_->Add(count).ok());
  const std::vector<SearchHit> near = Hits("NEAR(협정 교류, 5)");
  ASSERT_EQ(near.size(), 2u);  // and the first story
  const auto counted = std::find_if(near.begin(), near.end(), [](const SearchHit& hit) {
    return hit.article.title == "5개국 교류";
  });
  ASSERT_NE(counted, near.end());
  EXPECT_EQ(counted->snippet, "5개국이 [협정]을 맺고 [교류]를 늘린다.");
  // A word written against Korean matches in the pairs; its snippet is the text still.
  const std::vector<SearchHit> galaxy = Hits("Galaxy");
  ASSERT_EQ(galaxy.size(), 1u);
  EXPECT_EQ(galaxy[0].snippet, "삼성전자가 새 [Galaxy]폰을 내놓았다.");
}

TEST_F(CjkSearchTest, TheBestMatchesComeFirst) {
  AddStories();
  Article many;
  many.title = "협정 협정 협정";
  many.body = "협정에 관한 협정, 협정의 협정.";
  ASSERT_TRUE(archive_->Add(many).ok());
  const std::vector<SearchHit> hits = Hits("협정");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].article.id, 10);
}

TEST_F(CjkSearchTest, TheIndexStaysTrueThroughMergesTagsAndRemovals) {
  AddStories();
  // A duplicate by URL filling in a body the stored article lacked.
  Article bare;
  bare.title = "협정 속보";
  bare.canonical_url = "https://news.example/pact";
  ASSERT_TRUE(archive_->Add(bare).ok());
  Article full = bare;
  full.body = "양국은 안보협력협정에 서명했다.";
  auto merged = archive_->Add(full);
  ASSERT_TRUE(merged.ok());
  EXPECT_TRUE(merged->duplicate);
  EXPECT_EQ(Find("안보협력"), (Ids{merged->id}));
  ASSERT_TRUE(archive_->Tag(1, {"외교"}).ok());
  EXPECT_EQ(Find("tags:외교"), (Ids{1}));
  ASSERT_TRUE(archive_->Remove(2).ok());
  EXPECT_EQ(Find("협정"), (Ids{1, merged->id}));
  ExpectIndexIntact();
}

TEST_F(CjkSearchTest, PlainSqliteSearchesTheIndexWithPairs) {
  AddStories();
  // What schema/README.md tells sqlite3 and Datasette users to write.
  EXPECT_EQ(testing::QuerySql(path_,
                              "SELECT group_concat(rowid) FROM articles_fts WHERE "
                              "articles_fts MATCH '\"군사 사협 협정\"'"),
            "1");
  EXPECT_EQ(testing::QuerySql(path_,
                              "SELECT group_concat(rowid) FROM (SELECT rowid FROM "
                              "articles_fts WHERE articles_fts MATCH '협정' ORDER BY "
                              "rowid)"),
            "1,2");
  ExpectIndexIntact();
}

TEST_F(CjkSearchTest, AnArchiveFromBeforeIsIndexedAgainWhenOpenedWithProgress) {
  AddStories();
  archive_.reset();
  testing::DowngradeSearchToSchema10(path_);
  EXPECT_EQ(testing::QuerySql(path_,
                              "SELECT count(*) FROM articles_fts WHERE articles_fts "
                              "MATCH '\"군사 사협 협정\"'"),
            "0");
  std::vector<std::pair<int64_t, int64_t>> reports;
  std::string task;
  OpenOptions options;
  options.on_upgrade_progress = [&](std::string_view what, int64_t done, int64_t total) {
    task = what;
    reports.emplace_back(done, total);
  };
  Open(options);
  EXPECT_EQ(archive_->schema_version(), Archive::LatestSchemaVersion());
  EXPECT_EQ(task, "re-indexing search to read Korean, Japanese and Chinese");
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.front(), (std::pair<int64_t, int64_t>{0, 9}));
  EXPECT_EQ(reports.back(), (std::pair<int64_t, int64_t>{9, 9}));
  // Only the last report says all is done: the line ends once.
  EXPECT_EQ(std::count(reports.begin(), reports.end(), std::pair<int64_t, int64_t>{9, 9}), 1);
  EXPECT_EQ(Find("군사협정"), (Ids{1}));
  EXPECT_EQ(Find("協定"), (Ids{5, 8}));
  EXPECT_EQ(testing::QuerySql(path_,
                              "SELECT count(*) FROM morgue_settings WHERE key = "
                              "'search_index_after'"),
            "0");
  ExpectIndexIntact();
  // Opened again, there is nothing left to do.
  archive_.reset();
  reports.clear();
  Open(options);
  EXPECT_TRUE(reports.empty());
}

TEST_F(CjkSearchTest, AnUpgradeCutShortIsFinishedByAWriteOpenNotHiddenFromReads) {
  AddStories();
  archive_.reset();
  testing::DowngradeSearchToSchema10(path_);
  // As a process killed during the first open leaves it: migrated, grams not yet made.
  testing::ExecSql(path_, R"sql(
    ALTER TABLE articles ADD COLUMN title_grams TEXT;
    ALTER TABLE articles ADD COLUMN subtitle_grams TEXT;
    ALTER TABLE articles ADD COLUMN body_grams TEXT;
    INSERT INTO morgue_settings(key, value) VALUES ('search_index_after', 0);
    PRAGMA user_version = 11;)sql");
  testing::ExecSql(
      path_,
      testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) / "0012_story_clusters.sql") +
          testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) / "0013_revisions.sql") +
          testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) /
                            "0014_story_bands_pending.sql") +
          testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) /
                            "0015_search_index_hash.sql") +
          testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) / "0016_zstd_documents.sql") +
          "PRAGMA user_version = 16;");
  OpenOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  auto reader = Archive::Open(path_, read_only);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kNotSupported);
  EXPECT_NE(reader.status().message().find("upgrade left unfinished"), std::string::npos)
      << reader.status().message();
  // An open that writes makes the index whole, whatever the cut-short run left in it.
  Open();
  EXPECT_EQ(Find("군사협정"), (Ids{1}));
  EXPECT_EQ(Find("harbour"), (Ids{9}));
  ExpectIndexIntact();
  EXPECT_TRUE(Archive::Open(path_, read_only).ok());
}

}  // namespace
}  // namespace morgue
