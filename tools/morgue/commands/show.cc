// morgue show: one article with every field, then its body.

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "article_json.h"
#include "commands/commands.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {

struct ShowArgs {
  int64_t id = 0;
  bool json = false;
  bool provenance = false;
  bool revisions = false;
};

// "label:     value", skipped when the value is unknown.
void Field(std::string_view label, const std::string& value) {
  if (value.empty()) {
    return;
  }
  // Continuation lines (a second author, a media URL) leave the label out.
  std::string head = label.empty() ? std::string() : std::string(label) + ":";
  head.resize(std::max<size_t>(head.size() + 1, 12), ' ');
  std::cout << head << value << '\n';
}

std::string AuthorLine(const Author& author) {
  std::string line = author.name;
  if (!author.email.empty()) {
    line += " <" + author.email + ">";
  }
  if (author.role != "author" && !author.role.empty()) {
    line += " (" + author.role + ")";
  }
  return line;
}

// Each original the article came from, with what `morgue original` needs to get it back.
void PrintDocuments(const std::vector<DocumentInfo>& documents) {
  std::cout << "\ndocuments:\n";
  if (documents.empty()) {
    std::cout << "  (none recorded)\n";
  }
  for (const DocumentInfo& document : documents) {
    std::string kind = document.media_type.empty() ? "" : document.media_type + ", ";
    std::cout << "  " << document.id << "  " << document.original_path << " (" << kind
              << document.size << " bytes)\n";
    std::cout << "     sha256 " << document.sha256 << "  read by " << document.plugin << ' '
              << document.plugin_version << " at " << document.imported_at << '\n';
    if (!document.container.empty()) {
      std::cout << "     from " << document.container << " at byte " << document.container_offset;
      if (!document.target_uri.empty()) std::cout << ": " << document.target_uri;
      if (!document.captured_at.empty()) std::cout << ", captured " << document.captured_at;
      std::cout << '\n';
    }
  }
}

Json DocumentsJson(const std::vector<DocumentInfo>& documents) {
  Json list = Json::array();
  for (const DocumentInfo& document : documents) {
    list.push_back({{"id", document.id},
                    {"original_path", document.original_path},
                    {"size", document.size},
                    {"sha256", document.sha256},
                    {"media_type", document.media_type},
                    {"plugin", document.plugin},
                    {"plugin_version", document.plugin_version},
                    {"imported_at", document.imported_at}});
    if (!document.container.empty()) {
      list.back()["container"] = {{"name", document.container},
                                  {"offset", document.container_offset},
                                  {"target_uri", document.target_uri},
                                  {"captured_at", document.captured_at}};
    }
  }
  return list;
}

// The articles that tell the same story: "  7  copy  The Washington Post, 2011-01-04",
// under a heading that gives the story's size when the article is linked through others
// to more than those.
void PrintLinks(Archive& archive, const Article& article) {
  if (article.similar.empty()) return;
  const auto linked = static_cast<int64_t>(article.similar.size());
  std::cout << "\nsame story"
            << (article.cluster_size > linked + 1
                    ? " (" + std::to_string(article.cluster_size) + " articles in all)"
                    : std::string())
            << ":\n";
  for (const StoryLink& link : article.similar) {
    std::cout << "  " << link.id << "  " << link.kind;
    if (auto other = archive.Get(link.id); other.ok()) {
      std::string where = other->source;
      if (!other->published.empty()) {
        where += (where.empty() ? "" : ", ") + other->published.substr(0, 10);
      }
      if (!where.empty()) std::cout << "  " << where;
    }
    std::cout << '\n';
  }
}

// "document 12 (story.html)", or "no document" for an article added without one.
std::string DocumentName(int64_t id, const std::vector<DocumentInfo>& documents) {
  if (id == 0) return "no document";
  for (const DocumentInfo& document : documents) {
    if (document.id == id)
      return "document " + std::to_string(id) + " (" + document.original_path + ")";
  }
  return "document " + std::to_string(id);
}

// "  2  2026-12-07T01:14:06Z  document 2 (v2.jsonl)  changed title, body", the first
// "archived", the current marked.
void PrintRevisions(const std::vector<Revision>& revisions,
                    const std::vector<DocumentInfo>& documents) {
  std::cout << "\nrevisions:\n";
  for (const Revision& revision : revisions) {
    std::cout << "  " << revision.number << "  " << revision.stored_at << "  "
              << DocumentName(revision.document_id, documents) << "  "
              << (revision.changed.empty() ? std::string("first archived")
                                           : "changed " + Join(revision.changed, ", "))
              << (revision.origin == "import" ? "" : "  (" + revision.origin + ")")
              << (revision.superseded_at.empty() ? "  (current)" : "") << '\n';
    if (revision.superseded_at.empty()) continue;
    std::cout << "     " << revision.article.title << '\n';
  }
}

Json RevisionsJson(const std::vector<Revision>& revisions) {
  Json list = Json::array();
  for (const Revision& revision : revisions) {
    list.push_back(
        {{"revision", revision.number},
         {"stored_at", revision.stored_at},
         {"superseded_at", revision.superseded_at.empty() ? Json() : Json(revision.superseded_at)},
         {"document", revision.document_id == 0 ? Json() : Json(revision.document_id)},
         {"changed", revision.changed},
         {"origin", revision.origin},
         {"title", revision.article.title}});
  }
  return list;
}

void PrintArticle(Archive& archive, const Article& article,
                  const std::vector<DocumentInfo>& documents, bool provenance,
                  const std::vector<Revision>* revisions) {
  std::cout << article.title << '\n';
  if (!article.subtitle.empty()) {
    std::cout << article.subtitle << '\n';
  }
  std::cout << '\n';
  Field("id", std::to_string(article.id));
  for (size_t i = 0; i < article.authors.size(); ++i) {
    Field(i == 0 ? "authors" : "", AuthorLine(article.authors[i]));
  }
  Field("published", article.published);
  Field("updated", article.updated);
  Field("source", article.source);
  Field("url", article.url);
  if (article.canonical_url != article.url) {
    Field("canonical", article.canonical_url);
  }
  Field("language", article.language);
  Field("tags", Join(article.tags, ", "));
  Field("words", std::to_string(article.word_count));
  Field("added", article.added_at);
  if (article.revision > 1) {
    Field("revision", std::to_string(article.revision) +
                          " (its address was imported again with "
                          "changes; morgue show " +
                          std::to_string(article.id) + " --revisions lists them)");
  }
  Field("summary", OneLine(article.summary));
  for (size_t i = 0; i < article.media.size(); ++i) {
    const Media& media = article.media[i];
    std::string line = media.caption.empty() ? "(no caption)" : OneLine(media.caption);
    if (!media.credit.empty()) {
      line += " (credit: " + media.credit + ")";
    }
    Field(i == 0 ? "media" : "", line);
    if (!media.url.empty()) {
      Field("", "  " + media.url);
    }
  }
  if (provenance) {
    std::cout << "\nprovenance:\n";
    if (article.provenance.empty()) {
      std::cout << "  (none recorded)\n";
    }
    for (const auto& [field, rule] : article.provenance) {
      std::cout << "  " << field << " ← " << rule << '\n';
    }
    // Each tag's origin: the page, the user, both, or unknown (archived before it was kept).
    for (const std::string& tag : article.tags) {
      auto origin = article.tag_origins.find(tag);
      std::cout << "  tag '" << tag << "' ← "
                << (origin == article.tag_origins.end() ? kTagOriginUnknown : origin->second)
                << '\n';
    }
  }
  PrintLinks(archive, article);
  if (revisions != nullptr) PrintRevisions(*revisions, documents);
  PrintDocuments(documents);
  if (!article.body.empty()) {
    std::cout << '\n' << article.body << '\n';
  }
}

int RunShow(Context& context, const ShowArgs& args) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  // With --revisions, the last revision is the article as it is: read once.
  std::vector<Revision> revisions;
  Result<Article> article = Status::NotFound("");
  if (args.revisions) {
    auto read = archive->Revisions(args.id);
    if (read.ok()) {
      revisions = std::move(*read);
      article = revisions.back().article;
    } else {
      article = read.status();
    }
  } else {
    article = archive->Get(args.id);
  }
  if (!article.ok()) {
    if (article.status().code() == StatusCode::kNotFound) {
      return context.Error(kExitPartial, "no article with id " + std::to_string(args.id));
    }
    return context.Error(article.status());
  }
  auto documents = archive->Documents(args.id);
  if (!documents.ok()) {
    return context.Error(documents.status());
  }
  if (args.json) {
    Json full = ArticleFullJson(*article);
    full["revision"] = article->revision;
    if (args.revisions) full["revisions"] = RevisionsJson(revisions);
    full["documents"] = DocumentsJson(*documents);
    Json same_story = Json::array();
    for (const StoryLink& link : article->similar) {
      same_story.push_back({{"id", link.id}, {"link", link.kind}, {"similarity", link.similarity}});
    }
    full["same_story"] = std::move(same_story);
    PrintJson(full);
  } else {
    PrintArticle(*archive, *article, *documents, args.provenance,
                 args.revisions ? &revisions : nullptr);
  }
  return kExitOk;
}

}  // namespace

Command AddShowCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* sub = app.add_subcommand(
      "show",
      "Show one article with all its fields, the original documents it was imported from "
      "(get one back with morgue original), and its body");
  SetExamples(sub, {"morgue show 3", "morgue show 3 --provenance", "morgue show 3 --revisions",
                    "morgue show 3 --json"});
  context.AddGlobalOptions(sub);
  sub->add_option("id", args->id, "The article's id (see morgue list)")
      ->type_name("ID")
      ->required();
  sub->add_flag("--json", args->json, "Print the whole article as a JSON object");
  sub->add_flag("--provenance", args->provenance, "Also show which rule produced each field");
  sub->add_flag("--revisions", args->revisions,
                "Also list the article's revisions (its address imported again with changes): "
                "when each was archived, from which document, and what it changed (morgue diff "
                "ID compares the last two)");
  return {sub, [&context, args] { return RunShow(context, *args); }};
}

}  // namespace morgue::cli
