// The publications directory shipped with morgue, and how archives use it.

#include "morgue/publications.h"

#include <gtest/gtest.h>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

const PublicationDirectory& Directory() { return PublicationDirectory::Builtin(); }

std::string NameOf(const Publication* p) { return p == nullptr ? "(none)" : p->name; }

TEST(PublicationDirectoryTest, ShipsHundredsOfNewsOrganisations) {
  EXPECT_GE(Directory().publications().size(), 300u);
  int east_asian = 0;
  for (const Publication& p : Directory().publications()) {
    EXPECT_FALSE(p.name.empty());
    EXPECT_FALSE(p.domains.empty()) << p.name;
    if (p.country == "KR" || p.country == "JP" || p.country == "CN" || p.country == "TW" ||
        p.country == "HK") {
      ++east_asian;
    }
  }
  EXPECT_GE(east_asian, 100);
}

TEST(PublicationDirectoryTest, FindsByNameAliasAndNativeScript) {
  EXPECT_EQ(NameOf(Directory().FindByName("Korea Times")), "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindByName("  the KOREA times ")), "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindByName("코리아타임스")), "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindByName("The New York Times")), "New York Times");
  EXPECT_EQ(Directory().FindByName("Peninsula Watch"), nullptr);
  EXPECT_EQ(Directory().FindByName(""), nullptr);
}

TEST(PublicationDirectoryTest, FindsByUrlEmailOrDomainMostSpecificFirst) {
  EXPECT_EQ(NameOf(Directory().FindByDomain("leeth@koreatimes.co.kr")), "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindByDomain("https://www.koreatimes.co.kr/www/nation/1.html")),
            "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindByDomain("en.yna.co.kr")), "Yonhap");
  EXPECT_EQ(NameOf(Directory().FindByDomain("https://asia.nikkei.com/Politics")),
            NameOf(Directory().FindByDomain("asia.nikkei.com")));
  EXPECT_NE(NameOf(Directory().FindByDomain("asia.nikkei.com")),
            NameOf(Directory().FindByDomain("www.nikkei.com")));
  EXPECT_EQ(Directory().FindByDomain("someone@gmail.com"), nullptr);
  EXPECT_EQ(Directory().FindByDomain("co.kr"), nullptr);
}

TEST(PublicationDirectoryTest, FindsCreditsInText) {
  EXPECT_EQ(NameOf(Directory().FindCredited("From The Korea Times")), "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindCredited("The two sides will meet again. (Yonhap)")), "Yonhap");
  EXPECT_EQ(NameOf(Directory().FindCredited("[Reuters]")), "Reuters");
  EXPECT_EQ(NameOf(Directory().FindCredited("Copyright The Korea Times 2011. All rights reserved")),
            "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindCredited("Officials declined to comment — AFP")),
            "Agence France-Presse");
  EXPECT_EQ(Directory().FindCredited("South Korea is considering signing a pact."), nullptr);
}

TEST(PublicationDirectoryTest, ACreditWordInsideASentenceIsNoCredit) {
  // "Dawn" is a newspaper; "from dawn" in a sentence is not its credit.
  EXPECT_EQ(Directory().FindCredited("Passengers queued from dawn."), nullptr);
  EXPECT_EQ(Directory().FindCredited("Tickets sold out, source: Reuters"), nullptr);
  EXPECT_EQ(NameOf(Directory().FindCredited("From Dawn")), "Dawn");
  EXPECT_EQ(NameOf(Directory().FindCredited("(From The Korea Times)")), "Korea Times");
  EXPECT_EQ(NameOf(Directory().FindCredited("— Source: Reuters")), "Reuters");
}

TEST(PublicationDirectoryTest, ParsesItsOwnFormat) {
  PublicationDirectory dir(
      "name\tcountry\tlanguage\tdomains\taliases\n"
      "Harbour Gazette\tNZ\ten\tharbourgazette.example gazette.example\tThe Gazette|HG\n");
  ASSERT_EQ(dir.publications().size(), 1u);
  EXPECT_EQ(dir.publications()[0].domains.size(), 2u);
  EXPECT_EQ(NameOf(dir.FindByName("hg")), "Harbour Gazette");
  EXPECT_EQ(NameOf(dir.FindByDomain("news.gazette.example")), "Harbour Gazette");
}

class ArchiveSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }
  std::string SourceOf(const Article& article) {
    auto added = archive_->Add(article);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? archive_->Get(added->id)->source : "";
  }
  testing::TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ArchiveSourcesTest, ArchivesAreSeededWithTheDirectory) {
  auto sources = archive_->Sources("koreatimes");
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].name, "Korea Times");
  EXPECT_EQ((*sources)[0].origin, "directory");
  EXPECT_EQ((*sources)[0].domains.at(0), "koreatimes.co.kr");
  EXPECT_EQ(archive_->Sources()->size(), Directory().publications().size());
}

TEST_F(ArchiveSourcesTest, ArticlesAreLinkedThroughNamesAliasesAndDomains) {
  Article a;
  a.title = "One";
  a.source = "The Korea Times";
  EXPECT_EQ(SourceOf(a), "Korea Times");
  Article b;
  b.title = "Two";
  b.authors = {{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"}};
  EXPECT_EQ(SourceOf(b), "Korea Times");  // from the reporter's e-mail domain
  Article c;
  c.title = "Three";
  c.url = "https://en.yna.co.kr/view/AEN20110108000100315";
  EXPECT_EQ(SourceOf(c), "Yonhap");
  Article d;
  d.title = "Four";
  d.source = "Peninsula Watch";  // unknown: becomes a publication of its own
  EXPECT_EQ(SourceOf(d), "Peninsula Watch");
  auto created = archive_->Sources("Peninsula Watch");
  ASSERT_EQ(created->size(), 1u);
  EXPECT_EQ((*created)[0].origin, "import");
  EXPECT_EQ((*created)[0].articles, 1);
}

TEST_F(ArchiveSourcesTest, UsersAddTheirOwnPublications) {
  Publication mine;
  mine.name = "Harbour Gazette";
  mine.country = "NZ";
  mine.domains = {"HarbourGazette.example"};
  mine.aliases = {"The Gazette of the Harbour"};
  auto id = archive_->AddSource(mine);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  Article a;
  a.title = "Boats";
  a.url = "https://news.harbourgazette.example/boats";
  EXPECT_EQ(SourceOf(a), "Harbour Gazette");
  Article b;
  b.title = "Tides";
  b.source = "The Gazette of the Harbour";
  EXPECT_EQ(SourceOf(b), "Harbour Gazette");

  Publication thief;
  thief.name = "Other Paper";
  thief.domains = {"koreatimes.co.kr"};
  auto refused = archive_->AddSource(thief);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "domain 'koreatimes.co.kr' already belongs to 'Korea Times'");
  EXPECT_TRUE(archive_->Sources("Other Paper")->empty());  // nothing half-added

  Publication bad;
  bad.name = "Bad";
  bad.domains = {"https://bad.example/"};
  EXPECT_EQ(archive_->AddSource(bad).status().code(), StatusCode::kInvalidArgument);

  // Reopening (and so re-checking the directory) keeps the user's entry as it is.
  archive_.reset();
  auto reopened = Archive::Open(dir_ / "a.db");
  ASSERT_TRUE(reopened.ok());
  auto kept = (*reopened)->Sources("Harbour Gazette");
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].origin, "user");
  EXPECT_EQ((*kept)[0].articles, 2);
}

}  // namespace
}  // namespace morgue
