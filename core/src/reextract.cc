// Reextract: each selected article's original read again by an importer, compared with
// what the archive holds, and (on request) stored as the article's next revision.

#include "morgue/reextract.h"

#include <cctype>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "import_job.h"

namespace morgue {
namespace {

std::string Byline(const Article& article) {
  std::string names;
  for (const Author& author : article.authors) {
    if (author.role != "author") continue;
    names += (names.empty() ? "" : "; ") + author.name;
  }
  return names;
}

// The value of `field` as a person reads it in a report.
std::string ValueOf(const Article& article, const std::string& field) {
  if (field == "title") return article.title;
  if (field == "subtitle") return article.subtitle;
  if (field == "body") return article.body;
  if (field == "summary") return article.summary;
  if (field == "published") return article.published;
  if (field == "updated") return article.updated;
  if (field == "authors") return Byline(article);
  return {};
}

// Of the articles an original holds, the one that is `stored`: the only one, or the one
// with its address, its body or its title.
const Article* FindArticle(const std::vector<Article>& articles, const Article& stored) {
  if (articles.size() == 1) return &articles.front();
  const std::string url_key = UrlKey(stored.canonical_url);
  for (const Article& a : articles) {
    if (!url_key.empty() && UrlKey(a.canonical_url) == url_key) return &a;
  }
  for (const Article& a : articles) {
    if (!stored.body_hash.empty() && NormalizedBodyHash(a.body) == stored.body_hash) return &a;
  }
  for (const Article& a : articles) {
    if (!stored.title.empty() && a.title == stored.title) return &a;
  }
  return nullptr;
}

std::string LowerExtension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

// The last original read, with what its importer made of it: the articles of one
// original (a JSON Lines file, a feed) come one after another, and it is read once.
struct LastRead {
  int64_t document_id = 0;
  std::string format;
  import_job::Collected collected;
};

// Reads the original of `current` (an article's current revision, as Archive::Revisions
// gives it) again into `result`; returns the article as read now.
Result<Article> ReadAgain(Archive& archive, const PluginRegistry& plugins, int64_t id,
                          const ReextractOptions& options, const Revision& current, LastRead* last,
                          ReextractResult* result) {
  const Article& stored = current.article;
  result->document_id = current.document_id;
  if (result->document_id == 0) {
    return Status::NotFound("no original document: it was added without one");
  }
  MORGUE_ASSIGN_OR_RETURN(std::vector<DocumentInfo> documents, archive.Documents(id));
  const DocumentInfo* document = nullptr;
  for (const DocumentInfo& candidate : documents) {
    if (candidate.id == result->document_id) document = &candidate;
  }
  if (document == nullptr) {
    return Status::NotFound("document " + std::to_string(result->document_id) +
                            " is not among the article's documents");
  }
  result->document_name = document->original_path;
  const std::string format = options.plugin.empty() ? document->plugin : options.plugin;
  if (last->document_id != document->id || last->format != format) {
    auto bytes = std::make_shared<std::string>();
    MORGUE_RETURN_IF_ERROR(archive.WriteOriginal(document->id, [&](std::string_view piece) {
      bytes->append(piece);
      return Status::OK();
    }));
    import_job::JobInput job;
    job.format = format;
    job.name = document->original_path;
    job.bytes = std::move(bytes);
    // A document read out of a container has no file name of its own.
    if (document->container.empty()) job.extension = LowerExtension(document->original_path);
    *last = LastRead{document->id, format, import_job::RunJob(plugins, job, nullptr)};
  }
  const import_job::Collected& collected = last->collected;
  result->plugin = collected.plugin;
  for (const auto& plugin : plugins.plugins()) {
    if (plugin->name == collected.plugin) result->plugin += " " + plugin->version;
  }
  if (!collected.status.ok()) return collected.status;
  if (collected.reads_container) {
    return Status::InvalidArgument(collected.plugin +
                                   " reads it as a container of documents, not as an article");
  }
  const Article* found = FindArticle(collected.articles, stored);
  if (found == nullptr) {
    return Status::NotFound("the original holds " + std::to_string(collected.articles.size()) +
                            " articles, none with this article's address, body or title");
  }
  return *found;
}

}  // namespace

Status Reextract(Archive& archive, const PluginRegistry& plugins, const Filter& filter,
                 const ReextractOptions& options,
                 const std::function<Status(const ReextractResult&)>& on_article) {
  if (options.apply) MORGUE_RETURN_IF_ERROR(archive.CanStoreArticles());
  // The ids first: the revisions stored on the way must not move the selection.
  std::vector<int64_t> ids;
  {
    MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<ArticleCursor> cursor, archive.Select(filter));
    cursor->SetParts(ArticleParts::None());
    for (Article a; cursor->Next(&a); a = Article()) ids.push_back(a.id);
    MORGUE_RETURN_IF_ERROR(cursor->status());
  }
  LastRead last;
  for (int64_t id : ids) {
    ReextractResult result;
    result.id = id;
    // The article as it is (the last revision) and the original it came from, in one read.
    Result<std::vector<Revision>> revisions = archive.Revisions(id);
    if (!revisions.ok()) {
      result.status = revisions.status();
      MORGUE_RETURN_IF_ERROR(on_article(result));
      continue;
    }
    const Article* stored = &revisions->back().article;
    Result<Article> now =
        ReadAgain(archive, plugins, id, options, revisions->back(), &last, &result);
    if (!now.ok()) {
      result.status = now.status();
      MORGUE_RETURN_IF_ERROR(on_article(result));
      continue;
    }
    for (const std::string& field :
         RevisedFields(*stored, *now, RevisionCompare::kEveryKeptField)) {
      result.changes.push_back({field, ValueOf(*stored, field), ValueOf(*now, field)});
    }
    if (options.apply && !result.changes.empty()) {
      Result<int64_t> revision =
          archive.StoreRevision(id, *now, result.document_id, "re-extraction by " + result.plugin);
      if (!revision.ok()) {
        // The archive could not store it (a full disk, a lock held too long): the rest
        // would fail alike.
        return revision.status().WithContext("cannot store the re-extraction of article " +
                                             std::to_string(id));
      }
      result.revision = *revision;
    }
    MORGUE_RETURN_IF_ERROR(on_article(result));
  }
  return Status::OK();
}

}  // namespace morgue
