// Revisions: an article whose canonical URL is imported again with a changed title,
// subtitle, body, byline or publication date takes the new values as a new revision,
// and the values it had stay in article_revisions (schema/0013_revisions.sql) with when
// each revision was archived, the original it was read from and what it changed.
// Archive::Revisions reads them back; the export cursor reads them with Filter::every_revision.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "datetime_compare.h"
#include "dedup_keys.h"
#include "morgue/datetime.h"
#include "search_grams.h"
#include "string_helpers.h"

namespace morgue {
namespace {

// The names of the people who wrote it, as compared: a byline's case is the page's style.
std::vector<std::string> WrittenBy(const Article& article) {
  std::vector<std::string> names;
  for (const Author& author : article.authors) {
    if (author.role == "author") names.push_back(LowerAscii(CollapseWhitespace(author.name)));
  }
  return names;
}

// Whether every paragraph of `part` is one of `whole`'s (spacing and case aside): a
// teaser, a paywalled or truncated rendering of the same page, which changes nothing.
bool ParagraphsWithin(std::string_view part, std::string_view whole) {
  const auto paragraphs = [](std::string_view body) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= body.size()) {
      size_t end = body.find("\n\n", start);
      if (end == std::string_view::npos) end = body.size();
      std::string paragraph = LowerAscii(CollapseWhitespace(body.substr(start, end - start)));
      if (!paragraph.empty()) out.push_back(std::move(paragraph));
      start = end + 2;
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<std::string> in_part = paragraphs(part);
  const std::vector<std::string> in_whole = paragraphs(whole);
  return std::includes(in_whole.begin(), in_whole.end(), in_part.begin(), in_part.end());
}

// The normalised hash of `article`'s body: the one it carries when read or planned.
std::string BodyHashOf(const Article& article) {
  return article.body_hash.empty() ? NormalizedBodyHash(article.body) : article.body_hash;
}

// What article_revisions keeps of article `id`'s byline and field rules, as JSON:
// [{"name": …, "email": …, "role": …}, …] in byline order, and {"field": "rule", …} by
// field. Made here, not by SQL, because each store spells its JSON functions its own way.
struct KeptAsJson {
  std::string byline;
  std::string rules;
};
Result<KeptAsJson> BylineAndRulesAsJson(sql::Database& db, int64_t id) {
  nlohmann::ordered_json byline = nlohmann::ordered_json::array();
  MORGUE_ASSIGN_OR_RETURN(
      auto* authors, db.Cached("SELECT au.name, au.email, aa.role FROM article_authors aa "
                               "JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ?1 "
                               "ORDER BY aa.position"));
  authors->Bind(1, id);
  MORGUE_RETURN_IF_ERROR(authors->ForEachRow([&] {
    byline.push_back(
        {{"name", authors->Text(0)}, {"email", authors->Text(1)}, {"role", authors->Text(2)}});
    return Status::OK();
  }));
  nlohmann::ordered_json rules = nlohmann::ordered_json::object();
  MORGUE_ASSIGN_OR_RETURN(
      auto* fields,
      db.Cached("SELECT field, rule FROM article_fields WHERE article_id = ?1 ORDER BY field"));
  fields->Bind(1, id);
  MORGUE_RETURN_IF_ERROR(fields->ForEachRow([&] {
    rules[fields->Text(0)] = fields->Text(1);
    return Status::OK();
  }));
  return KeptAsJson{byline.dump(), rules.dump()};
}

}  // namespace

std::vector<std::string> RevisedFields(const Article& stored, const Article& incoming,
                                       RevisionCompare compare) {
  std::vector<std::string> changed;
  if (compare == RevisionCompare::kExact) {
    // Every kept field as it is: a value restored may be an empty one.
    const std::pair<const char*, std::pair<const std::string&, const std::string&>> fields[] = {
        {"title", {stored.title, incoming.title}},
        {"subtitle", {stored.subtitle, incoming.subtitle}},
        {"body", {stored.body, incoming.body}},
        {"published", {stored.published, incoming.published}},
        {"summary", {stored.summary, incoming.summary}},
        {"updated", {stored.updated, incoming.updated}},
    };
    // In the order of the other comparisons: title, subtitle, body, authors, published, ...
    for (const auto& [field, values] : fields) {
      if (values.first != values.second) changed.emplace_back(field);
      if (std::string_view(field) == "body" && stored.authors != incoming.authors) {
        changed.emplace_back("authors");
      }
    }
    return changed;
  }
  // A value only one of them has is no change: the other rendering left it out. A
  // re-extraction that finds a value the article lacks changes it, though: the same
  // original read better.
  const bool fills = compare == RevisionCompare::kEveryKeptField;
  const auto differ = [fills](const std::string& a, const std::string& b) {
    if (b.empty()) return false;
    if (a.empty()) return fills;
    return CollapseWhitespace(a) != CollapseWhitespace(b);
  };
  if (differ(stored.title, incoming.title)) changed.emplace_back("title");
  if (differ(stored.subtitle, incoming.subtitle)) changed.emplace_back("subtitle");
  // An import's teaser of the page (its paragraphs all in the stored body) is no change;
  // a re-extraction's shorter body is one (a newer importer that leaves boilerplate out).
  // The hashes decide first: most imports of an address bring the body it has.
  if (!incoming.body.empty()) {
    const bool body_changed = stored.body.empty()
                                  ? fills
                                  : BodyHashOf(stored) != BodyHashOf(incoming) &&
                                        !(compare == RevisionCompare::kImport &&
                                          ParagraphsWithin(incoming.body, stored.body));
    if (body_changed) changed.emplace_back("body");
  }
  const std::vector<std::string> stored_byline = WrittenBy(stored);
  const std::vector<std::string> incoming_byline = WrittenBy(incoming);
  if (!incoming_byline.empty() &&
      (stored_byline.empty() ? fills : stored_byline != incoming_byline)) {
    changed.emplace_back("authors");
  }
  const auto dates_differ = [fills](const std::string& a, const std::string& b) {
    if (b.empty()) return false;
    if (a.empty()) return fills;
    return DatesDisagree(a, b);
  };
  if (dates_differ(stored.published, incoming.published)) changed.emplace_back("published");
  if (compare == RevisionCompare::kEveryKeptField) {
    if (differ(stored.summary, incoming.summary)) changed.emplace_back("summary");
    if (dates_differ(stored.updated, incoming.updated)) changed.emplace_back("updated");
  }
  return changed;
}

Result<std::vector<std::string>> Archive::Impl::NewRevisionFields(const Article& stored,
                                                                  const Article& incoming) {
  std::vector<std::string> changed = RevisedFields(stored, incoming);
  if (changed.empty() || stored.revision <= 1) return changed;
  // An earlier revision imported again (an older capture of the page) is that revision,
  // already kept: no new one.
  MORGUE_ASSIGN_OR_RETURN(std::vector<Revision> earlier, SupersededRevisions(stored));
  for (const Revision& revision : earlier) {
    if (RevisedFields(revision.article, incoming).empty()) return std::vector<std::string>();
  }
  return changed;
}

Result<std::vector<int64_t>> Archive::Impl::Revise(const Article& stored, const Article& a,
                                                   const RevisionSource& source,
                                                   const std::vector<std::string>& changed,
                                                   int64_t* revision) {
  const int64_t id = stored.id;
  const int64_t document_id = source.document_id;
  const std::string now = UtcNow();
  if (stored.revision <= 1) {
    // The first revision's row: it was archived with the article, from its first original.
    MORGUE_ASSIGN_OR_RETURN(
        auto* first,
        db->Cached("INSERT INTO article_revisions(article_id, revision, stored_at, document_id) "
                   "SELECT id, 1, added_at, (SELECT min(document_id) FROM article_documents "
                   "WHERE article_id = ?1) FROM articles WHERE id = ?1"));
    first->Bind(1, id);
    MORGUE_RETURN_IF_ERROR(first->Run());
  }
  const int64_t current = std::max<int64_t>(stored.revision, 1);
  // The revision being replaced keeps the values it had, its byline and its field rules.
  MORGUE_ASSIGN_OR_RETURN(const KeptAsJson kept, BylineAndRulesAsJson(*db, id));
  MORGUE_ASSIGN_OR_RETURN(auto* keep, db->Cached(R"sql(
    UPDATE article_revisions SET superseded_at = ?3,
      (title, subtitle, body, summary, published, updated) =
        (SELECT title, subtitle, body, summary, published, updated FROM articles WHERE id = ?1),
      authors = ?4, provenance = ?5
    WHERE article_id = ?1 AND revision = ?2)sql"));
  keep->Bind(1, id).Bind(2, current).Bind(3, now).Bind(4, kept.byline).Bind(5, kept.rules);
  MORGUE_RETURN_IF_ERROR(keep->Run());
  *revision = current + 1;
  MORGUE_ASSIGN_OR_RETURN(
      auto* add, db->Cached("INSERT INTO article_revisions(article_id, revision, stored_at, "
                            "document_id, changed, origin) VALUES (?1, ?2, ?3, nullif(?4, 0), "
                            "?5, ?6)"));
  add->Bind(1, id).Bind(2, *revision).Bind(3, now).Bind(4, document_id);
  add->Bind(5, Join(changed, " ")).Bind(6, source.origin);
  MORGUE_RETURN_IF_ERROR(add->Run());

  // The new values replace the old; a value the new revision lacks stays as it was (or,
  // restoring a revision exactly, is emptied if it is a value revisions keep).
  struct Replace {
    const char* column;
    const std::string& stored;
    const std::string& incoming;
    bool kept;  // a value article_revisions keeps
  };
  const Replace replaces[] = {
      {"title", stored.title, a.title, true},
      {"subtitle", stored.subtitle, a.subtitle, true},
      {"summary", stored.summary, a.summary, true},
      {"language", stored.language, a.language, false},  // filled only: see below
      {"url", stored.url, a.url, false},
      {"published", stored.published, a.published, true},
      {"updated", stored.updated, a.updated, true},
      {"body", stored.body, a.body, true},
  };
  std::vector<std::pair<std::string, std::string>> sets = {{"revision", std::to_string(*revision)}};
  Article linked;  // what the new revision brings to the tables beside the article's row
  std::vector<std::string> replaced_rules;
  const auto in_changed = [&changed](std::string_view field) {
    return std::find(changed.begin(), changed.end(), field) != changed.end();
  };
  for (const Replace& replace : replaces) {
    if (replace.incoming == replace.stored) continue;
    if (replace.incoming.empty() && !(source.exact && replace.kept)) continue;
    const std::string_view column = replace.column;
    // Where the input was found is not the article's: the first address stays; and
    // revisions do not keep a language, so one the article has stays.
    if (!replace.kept && !replace.stored.empty()) continue;
    // A value that differs only in form (a teaser of the body, a date without its time)
    // stays as it is: only the changed fields, and those the article lacked, take the
    // new value; the summary and the updated date go with the revision that changes.
    const bool carried = column == "summary" || column == "updated";
    if (replace.kept && !source.exact && !replace.stored.empty() && !carried &&
        !in_changed(column)) {
      continue;
    }
    sets.emplace_back(replace.column, replace.incoming);
    if (column == "title" || column == "subtitle" || column == "body") {
      sets.emplace_back(std::string(column) + "_grams", IndexGrams(replace.incoming));
    }
    if (column == "published") sets.emplace_back("published_sort", SortableDate(a.published));
    if (column == "body") {
      sets.emplace_back("body_hash", NormalizedBodyHash(a.body));
      sets.emplace_back("word_count", std::to_string(CountWords(a.body)));
    }
    replaced_rules.emplace_back(replace.column);
  }
  const bool byline_changed = in_changed("authors");
  if (byline_changed || (stored.authors.empty() && !a.authors.empty() && source.adds_links)) {
    linked.authors = a.authors;
    replaced_rules.emplace_back("authors");
  }
  if (source.adds_links && stored.source.empty() &&
      (!a.source.empty() || !a.url.empty() || !a.authors.empty())) {
    MORGUE_ASSIGN_OR_RETURN(int64_t source_id, ResolveSource(a));
    if (source_id != 0) {
      sets.emplace_back("source_id", std::to_string(source_id));
      replaced_rules.emplace_back("source");
    }
  }
  MORGUE_RETURN_IF_ERROR(UpdateColumns(id, sets));
  if (byline_changed) {
    MORGUE_ASSIGN_OR_RETURN(auto* drop,
                            db->Cached("DELETE FROM article_authors WHERE article_id = ?1"));
    drop->Bind(1, id);
    MORGUE_RETURN_IF_ERROR(drop->Run());
  }
  // A replaced value's rule goes with it: the new value's rule, if it has one, replaces it.
  MORGUE_ASSIGN_OR_RETURN(
      auto* forget, db->Cached("DELETE FROM article_fields WHERE article_id = ?1 AND field = ?2"));
  for (const std::string& field : replaced_rules) {
    forget->Bind(1, id).Bind(2, field);
    MORGUE_RETURN_IF_ERROR(forget->Run());
    // A restored value takes back the rule its revision kept.
    if (auto rule = a.provenance.find(field); rule != a.provenance.end()) {
      linked.provenance.insert(*rule);
    }
  }
  if (stored.media.empty() && source.adds_links) linked.media = a.media;
  std::vector<TagLink> tags;
  if (source.adds_links) {
    MORGUE_ASSIGN_OR_RETURN(tags, IncomingTags(id, a));
  }
  MORGUE_RETURN_IF_ERROR(InsertLinks(id, linked, tags));

  // The new body is signed in place of the old; the links the old one made stay (the
  // same story), and the new one's near-duplicates are linked too.
  std::vector<int64_t> near;
  if (in_changed("body") || (stored.body.empty() && !a.body.empty())) {
    MORGUE_RETURN_IF_ERROR(ForgetStory(id));
    MORGUE_ASSIGN_OR_RETURN(near,
                            SignAndLinkStory(id, SignStory(a.body), NormalizedBodyHash(a.body)));
  }
  return near;
}

namespace {

// The value of a JSON string, or "" (JSON null: the column was NULL when it was kept).
std::string JsonText(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// A superseded revision's byline and field rules, which the archive keeps as JSON
// ([{"name", "email", "role"}...] and {"field": "rule"...}), read here rather than with
// SQL's JSON functions, which each store spells its own way.
Status ReadKeptJson(const std::string& authors, const std::string& provenance, Article* a) {
  a->authors.clear();
  a->provenance.clear();
  const auto byline = nlohmann::json::parse(authors.empty() ? "[]" : authors, nullptr, false);
  const auto rules = nlohmann::json::parse(provenance.empty() ? "{}" : provenance, nullptr, false);
  if (!byline.is_array() || !rules.is_object()) {
    return Status::Corruption("revision " + std::to_string(a->revision) + " of article " +
                              std::to_string(a->id) +
                              ": its kept byline or field rules are not the JSON the archive "
                              "writes");
  }
  for (const auto& author : byline) {
    if (!author.is_object()) continue;
    a->authors.push_back({JsonText(author.value("name", nlohmann::json())),
                          JsonText(author.value("email", nlohmann::json())),
                          JsonText(author.value("role", nlohmann::json()))});
  }
  for (const auto& [field, rule] : rules.items()) a->provenance[field] = JsonText(rule);
  return Status::OK();
}

}  // namespace

Result<std::vector<Revision>> Archive::Impl::SupersededRevisions(const Article& current) {
  std::vector<Revision> revisions;
  if (current.revision <= 1) return revisions;
  MORGUE_ASSIGN_OR_RETURN(auto* read, db->Cached(R"sql(
    SELECT revision, stored_at, superseded_at, coalesce(document_id, 0), changed, title,
           subtitle, body, summary, published, updated, origin, authors, provenance
    FROM article_revisions WHERE article_id = ?1 AND superseded_at IS NOT NULL
    ORDER BY revision DESC)sql"));
  read->Bind(1, current.id);
  MORGUE_RETURN_IF_ERROR(read->ForEachRow([&] {
    Revision& revision = revisions.emplace_back();
    revision.number = read->Int(0);
    revision.stored_at = read->Text(1);
    revision.superseded_at = read->Text(2);
    revision.document_id = read->Int(3);
    revision.changed = Split(read->Text(4), ' ');
    revision.origin = read->Text(11);
    Article& a = revision.article;
    a = current;
    a.revision = revision.number;
    a.title = read->Text(5);
    a.subtitle = read->Text(6);
    a.body = read->Text(7);
    a.summary = read->Text(8);
    a.published = read->Text(9);
    a.updated = read->Text(10);
    a.word_count = CountWords(a.body);
    a.body_hash = NormalizedBodyHash(a.body);
    return ReadKeptJson(read->Text(12), read->Text(13), &a);
  }));
  return revisions;
}

Result<std::vector<Revision>> Archive::Revisions(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(Article current, impl_->Load(id));
  MORGUE_ASSIGN_OR_RETURN(std::vector<Revision> revisions, impl_->SupersededRevisions(current));
  std::reverse(revisions.begin(), revisions.end());
  Revision& now = revisions.emplace_back();
  now.number = std::max<int64_t>(current.revision, 1);
  now.stored_at = current.added_at;
  if (current.revision > 1) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* read,
        impl_->db->Cached("SELECT stored_at, coalesce(document_id, 0), changed, origin "
                          "FROM article_revisions WHERE article_id = ?1 AND revision = ?2"));
    read->Bind(1, id).Bind(2, now.number);
    Result<bool> row = read->Step();
    if (row.ok() && *row) {
      now.stored_at = read->Text(0);
      now.document_id = read->Int(1);
      now.changed = Split(read->Text(2), ' ');
      now.origin = read->Text(3);
    }
    read->Reset();
    if (!row.ok()) return row.status();
  } else {
    // Never revised: archived with the article, from its first original.
    MORGUE_ASSIGN_OR_RETURN(auto* first,
                            impl_->db->Cached("SELECT coalesce(min(document_id), 0) FROM "
                                              "article_documents WHERE article_id = ?1"));
    first->Bind(1, id);
    Result<bool> row = first->Step();
    if (row.ok() && *row) now.document_id = first->Int(0);
    first->Reset();
    if (!row.ok()) return row.status();
  }
  now.article = std::move(current);
  return revisions;
}

Result<int64_t> Archive::StoreRevision(int64_t id, const Article& values, int64_t document_id,
                                       const std::string& origin) {
  MORGUE_RETURN_IF_ERROR(CanStoreArticles());
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  ArticleParts needed = ArticleParts::None();
  needed.authors = true;
  needed.media = true;
  MORGUE_ASSIGN_OR_RETURN(const Article stored, impl_->Load(id, needed));
  const std::vector<std::string> changed =
      RevisedFields(stored, values, RevisionCompare::kEveryKeptField);
  if (changed.empty()) return int64_t{0};
  // Only what revisions keep: the rest of the article is not the re-extraction's to add.
  Article kept;
  kept.title = values.title;
  kept.subtitle = values.subtitle;
  kept.body = values.body;
  kept.summary = values.summary;
  kept.published = values.published;
  kept.updated = values.updated;
  kept.authors = values.authors;
  kept.provenance = values.provenance;
  int64_t revision = 0;
  MORGUE_RETURN_IF_ERROR(
      impl_
          ->Revise(stored, kept,
                   {.document_id = document_id, .origin = origin, .adds_links = false}, changed,
                   &revision)
          .status());
  MORGUE_RETURN_IF_ERROR(transaction.Commit());
  return revision;
}

Result<int64_t> Archive::Revert(int64_t id) {
  MORGUE_RETURN_IF_ERROR(CanStoreArticles());
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_ASSIGN_OR_RETURN(std::vector<Revision> revisions, Revisions(id));
  if (revisions.size() < 2) {
    return Status::InvalidArgument("article " + std::to_string(id) +
                                   " has one revision: there is nothing to revert to");
  }
  const Revision& previous = revisions[revisions.size() - 2];
  const Article& current = revisions.back().article;
  const std::vector<std::string> changed =
      RevisedFields(current, previous.article, RevisionCompare::kExact);
  int64_t revision = 0;
  MORGUE_RETURN_IF_ERROR(
      impl_
          ->Revise(current, previous.article,
                   {.document_id = previous.document_id,
                    .origin = "revert to revision " + std::to_string(previous.number),
                    .exact = true,
                    .adds_links = false},
                   changed, &revision)
          .status());
  MORGUE_RETURN_IF_ERROR(transaction.Commit());
  return revision;
}

}  // namespace morgue
