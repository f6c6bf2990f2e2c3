// Re-extraction through the binary, on a real archive: a news page first imported with the
// wrong importer (as plain text) is read again from its stored original. The dry run
// reports per field what would change and stores nothing; --apply stores it as a new
// revision, leaving the user's tags alone; revert brings the first revision back as a
// third; an importer that cannot read an original fails that article and the others go on.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

using Json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kPartial = 1;
constexpr int kUsage = 2;

class ReextractCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path articles = FixturesDir() / "articles";
    CommandResult imported = On({"import", "--create", "--format", "text",
                                 (articles / "korea-times-2011-01-04.newspage.html").string()});
    ASSERT_EQ(imported.exit_code, kOk) << imported.err;
    ASSERT_EQ(On({"import", (FixturesDir() / "korea-times-2011-01-04.txt").string(),
                  (articles / "gangwon-snow-2011-01-05.blogger-ko.html").string()})
                  .exit_code,
              kOk);
    ASSERT_EQ(On({"tag", "1", "to-check"}).exit_code, kOk);
  }

  CommandResult On(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  Json Show(const std::string& id) {
    CommandResult show = On({"show", id, "--revisions", "--json"});
    EXPECT_EQ(show.exit_code, kOk) << show.err;
    return Json::parse(show.out);
  }

  TempDir dir_;
};

TEST_F(ReextractCliTest, TheSameImportersReadTheSameValues) {
  CommandResult again = On({"reextract"});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_NE(again.err.find("read 3 articles again: 0 would change, 3 the same, 0 failed; dry run"),
            std::string::npos)
      << again.err;
}

TEST_F(ReextractCliTest, ADryRunCountsTheChangesPerFieldAndStoresNothing) {
  const Json before = Show("1");
  ASSERT_EQ(before.at("title"), "<!DOCTYPE html>") << "read as text, the page's first line";
  CommandResult dry = On({"reextract", "--ids", "1", "--plugin", "html"});
  ASSERT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_NE(dry.out.find("FIELD      ARTICLES  EXAMPLES\n"
                         "title             1  1: \"<!DOCTYPE html>\" → \"Seoul, Tokyo seek 1st "
                         "military pact\""),
            std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("\nauthors           1  1: (none) → \"Lee Tae-hoon\""), std::string::npos)
      << dry.out;
  EXPECT_NE(dry.err.find("read 1 article again: 1 would change, 0 the same, 0 failed; dry run, "
                         "nothing was stored"),
            std::string::npos)
      << dry.err;
  EXPECT_EQ(Show("1"), before);

  const Json json = Json::parse(On({"reextract", "--ids", "1", "--plugin", "html", "--json"}).out);
  EXPECT_EQ(json.at("changed"), 1);
  EXPECT_EQ(json.at("applied"), false);
  EXPECT_EQ(json.at("fields").at("title").at("examples")[0].at("after"),
            "Seoul, Tokyo seek 1st military pact");
}

TEST_F(ReextractCliTest, ApplyStoresANewRevisionThatRevertUndoes) {
  const Json first = Show("1");
  CommandResult applied = On({"reextract", "--ids", "1", "--plugin", "html", "--apply"});
  ASSERT_EQ(applied.exit_code, kOk) << applied.err;
  EXPECT_NE(applied.err.find("read 1 article again: 1 changed"), std::string::npos) << applied.err;
  Json article = Show("1");
  EXPECT_EQ(article.at("revision"), 2);
  EXPECT_EQ(article.at("title"), "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(article.at("subtitle"), "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  EXPECT_EQ(article.at("published").get<std::string>().substr(0, 10), "2011-01-04");
  EXPECT_EQ(article.at("tags"), Json({"to-check"}));  // the user's tag stays
  ASSERT_EQ(article.at("revisions").size(), 2u);
  const Json& revision = article.at("revisions")[1];
  EXPECT_EQ(revision.at("document"), 1);
  const std::string changed = revision.at("changed").dump();
  for (const char* field : {"title", "subtitle", "authors", "published", "body"}) {
    EXPECT_NE(changed.find(field), std::string::npos) << changed;
  }
  CommandResult show = On({"show", "1", "--revisions"});
  EXPECT_NE(show.out.find("re-extraction by html"), std::string::npos) << show.out;
  // The new values are what search finds: the title as the page gives it.
  const Json found = Json::parse(On({"search", "title:\"1st military pact\"", "--json"}).out);
  ASSERT_EQ(found.size(), 2u) << found.dump();
  EXPECT_EQ(found[0].at("id").get<int>() + found[1].at("id").get<int>(), 1 + 2);
  // Nothing left to change: a second run changes nothing.
  EXPECT_NE(On({"reextract", "--ids", "1", "--plugin", "html"}).err.find("0 would change"),
            std::string::npos);

  CommandResult reverted = On({"revert", "1"});
  ASSERT_EQ(reverted.exit_code, kOk) << reverted.err;
  EXPECT_NE(reverted.err.find("article 1: revision 3 restores revision 1"), std::string::npos)
      << reverted.err;
  article = Show("1");
  EXPECT_EQ(article.at("revision"), 3);
  for (const char* field : {"title", "subtitle", "authors", "published", "body"}) {
    EXPECT_EQ(article.at(field), first.at(field)) << field;
  }
  EXPECT_EQ(article.at("revisions")[2].at("changed"), article.at("revisions")[1].at("changed"));
  CommandResult diff = On({"diff", "1", "--revision", "2", "3"});
  ASSERT_EQ(diff.exit_code, kOk) << diff.err;
  EXPECT_NE(diff.out.find("A  article 1 revision 2: Seoul, Tokyo seek 1st military pact"),
            std::string::npos)
      << diff.out;
}

TEST_F(ReextractCliTest, AnOriginalTheImporterCannotReadFailsThatArticleOnly) {
  CommandResult wrong = On({"reextract", "--plugin", "json"});
  EXPECT_EQ(wrong.exit_code, kPartial);
  EXPECT_NE(wrong.err.find("morgue: article 1: document 1 ("), std::string::npos) << wrong.err;
  EXPECT_NE(wrong.err.find("read 3 articles again: 0 would change, 0 the same, 3 failed"),
            std::string::npos)
      << wrong.err;
  // An importer that is not there is said once, before anything is read.
  CommandResult unknown = On({"reextract", "--plugin", "no-such-importer"});
  EXPECT_EQ(unknown.exit_code, kUsage);
  EXPECT_NE(unknown.err.find("no-such-importer"), std::string::npos) << unknown.err;
  EXPECT_EQ(unknown.err.find("article 1"), std::string::npos) << unknown.err;
}

TEST_F(ReextractCliTest, EachArticleOfAnOriginalWithSeveralIsMatchedToItsOwn) {
  WriteFile(dir_ / "two.jsonl",
            R"({"title": "Ferries return", "body": "The ferries are back after three weeks."})"
            "\n"
            R"({"title": "Snow in Gangwon", "body": "Thirty centimetres fell overnight."})"
            "\n");
  ASSERT_EQ(On({"import", "two.jsonl"}).exit_code, kOk);
  CommandResult again = On({"reextract", "--ids", "4,5"});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_NE(again.err.find("read 2 articles again: 0 would change, 2 the same, 0 failed"),
            std::string::npos)
      << again.err;
}

TEST_F(ReextractCliTest, RevertNamesWhatItCannotRevert) {
  CommandResult once = On({"revert", "2", "99"});
  EXPECT_EQ(once.exit_code, kPartial);
  EXPECT_NE(once.err.find("article 2 has one revision: there is nothing to revert to"),
            std::string::npos)
      << once.err;
  EXPECT_NE(once.err.find("no article with id 99"), std::string::npos) << once.err;
}

}  // namespace
}  // namespace morgue::testing
