// morgue diff: how two articles, or two revisions of one, differ, in words a person
// reads: the metadata that differs, then the body's paragraphs only in one, moved, or
// changed (with the changed words marked).

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "article_json.h"
#include "commands/commands.h"
#include "help.h"
#include "output.h"
#include "text_diff.h"

namespace morgue::cli {
namespace {

struct DiffArgs {
  int64_t a = 0;
  int64_t b = 0;                   // 0: compare revisions of `a`
  std::vector<int64_t> revisions;  // --revision N M; empty: the last two
  bool json = false;
};

// What is compared: an article, or one revision of it.
struct Side {
  Article article;
  int64_t revision = 0;  // 0: the article as it is
  std::string Label() const {
    return "article " + std::to_string(article.id) +
           (revision == 0 ? "" : " revision " + std::to_string(revision));
  }
};

struct FieldDifference {
  std::string field;
  std::string a;
  std::string b;
};

std::string People(const Article& article) {
  std::string people;
  for (const Author& author : article.authors) {
    if (!people.empty()) people += "; ";
    people += author.name;
    if (author.role != "author" && !author.role.empty()) people += " (" + author.role + ")";
  }
  return people;
}

std::vector<FieldDifference> MetadataDifferences(const Article& a, const Article& b) {
  const std::vector<std::pair<const char*, std::pair<std::string, std::string>>> fields = {
      {"title", {a.title, b.title}},
      {"subtitle", {a.subtitle, b.subtitle}},
      {"authors", {People(a), People(b)}},
      {"published", {a.published, b.published}},
      {"updated", {a.updated, b.updated}},
      {"source", {a.source, b.source}},
      {"url", {a.url, b.url}},
      {"canonical", {a.canonical_url, b.canonical_url}},
      {"language", {a.language, b.language}},
      {"tags", {Join(a.tags, ", "), Join(b.tags, ", ")}},
      {"summary", {OneLine(a.summary), OneLine(b.summary)}},
  };
  std::vector<FieldDifference> differences;
  for (const auto& [field, values] : fields) {
    if (values.first != values.second) differences.push_back({field, values.first, values.second});
  }
  return differences;
}

const char* ChangeName(ParagraphChange::Kind kind) {
  switch (kind) {
    case ParagraphChange::kSame:
      return "same";
    case ParagraphChange::kChanged:
      return "changed";
    case ParagraphChange::kOnlyA:
      return "only_a";
    case ParagraphChange::kOnlyB:
      return "only_b";
    case ParagraphChange::kMoved:
      return "moved";
  }
  return "";
}

// "11 paragraphs the same, 1 changed, 2 only in A".
std::string BodySummary(const std::vector<ParagraphChange>& changes) {
  int counts[5] = {0, 0, 0, 0, 0};
  for (const ParagraphChange& change : changes) ++counts[change.kind];
  const char* names[5] = {"the same", "changed", "only in A", "only in B", "moved"};
  std::string line;
  for (int kind = 0; kind < 5; ++kind) {
    if (counts[kind] == 0 && kind != 0) continue;
    line += (line.empty() ? std::to_string(counts[kind]) +
                                (counts[kind] == 1 ? " paragraph " : " paragraphs ")
                          : ", " + std::to_string(counts[kind]) + " ") +
            names[kind];
  }
  return line;
}

std::string Where(const Article& article) {
  std::string where = article.source;
  if (!article.published.empty()) {
    where += (where.empty() ? "" : ", ") + article.published.substr(0, 10);
  }
  return where;
}

void PrintText(const Side& side_a, const Side& side_b, const StoryLink* link,
               const std::vector<FieldDifference>& metadata,
               const std::vector<ParagraphChange>& changes) {
  const Article& a = side_a.article;
  const Article& b = side_b.article;
  std::cout << "A  " << side_a.Label() << ": " << a.title << '\n';
  if (!Where(a).empty()) std::cout << "   " << Where(a) << '\n';
  std::cout << "B  " << side_b.Label() << ": " << b.title << '\n';
  if (!Where(b).empty()) std::cout << "   " << Where(b) << '\n';
  if (link != nullptr) {
    char similarity[16];
    std::snprintf(similarity, sizeof similarity, "%.2f", link->similarity);
    std::cout << "   linked as " << (link->kind == "copy" ? "a copy" : "near-duplicates")
              << ", similarity " << similarity << '\n';
  }
  std::cout << "\nmetadata: ";
  if (metadata.empty())
    std::cout << "the same\n";
  else
    std::cout << metadata.size()
              << (metadata.size() == 1 ? " field differs\n" : " fields differ\n");
  for (const FieldDifference& difference : metadata) {
    std::string label = "  " + difference.field;
    label.resize(std::max<size_t>(label.size() + 1, 13), ' ');
    std::cout << label << "A  " << (difference.a.empty() ? "(none)" : difference.a) << '\n'
              << std::string(13, ' ') << "B  " << (difference.b.empty() ? "(none)" : difference.b)
              << '\n';
  }
  std::cout << "\nbody: " << BodySummary(changes) << '\n';
  for (const ParagraphChange& change : changes) {
    switch (change.kind) {
      case ParagraphChange::kSame:
        continue;
      case ParagraphChange::kChanged:
        std::cout << "\n~ changed: A ¶" << change.a + 1 << " → B ¶" << change.b + 1 << "\n  "
                  << MarkedWords(change.words) << '\n';
        break;
      case ParagraphChange::kOnlyA:
        std::cout << "\n- only in A: ¶" << change.a + 1 << "\n  " << change.text << '\n';
        break;
      case ParagraphChange::kOnlyB:
        std::cout << "\n+ only in B: ¶" << change.b + 1 << "\n  " << change.text << '\n';
        break;
      case ParagraphChange::kMoved:
        std::cout << "\n> moved: A ¶" << change.a + 1 << " → B ¶" << change.b + 1 << "\n  "
                  << change.text << '\n';
        break;
    }
  }
}

Json JsonOf(const Side& a, const Side& b, const StoryLink* link,
            const std::vector<FieldDifference>& metadata,
            const std::vector<ParagraphChange>& changes) {
  Json out;
  out["a"] = ArticleSummaryJson(a.article);
  out["b"] = ArticleSummaryJson(b.article);
  if (a.revision != 0) {
    out["a"]["revision"] = a.revision;
    out["b"]["revision"] = b.revision;
  }
  out["link"] =
      link == nullptr ? Json() : Json{{"kind", link->kind}, {"similarity", link->similarity}};
  Json fields = Json::array();
  for (const FieldDifference& difference : metadata) {
    fields.push_back({{"field", difference.field}, {"a", difference.a}, {"b", difference.b}});
  }
  out["metadata"] = std::move(fields);
  Json paragraphs = Json::array();
  int same = 0;
  for (const ParagraphChange& change : changes) {
    if (change.kind == ParagraphChange::kSame) {
      ++same;
      continue;
    }
    Json paragraph = {{"change", ChangeName(change.kind)},
                      {"a", change.a < 0 ? Json() : Json(change.a + 1)},
                      {"b", change.b < 0 ? Json() : Json(change.b + 1)},
                      {"text", change.text}};
    if (change.kind == ParagraphChange::kChanged) paragraph["marked"] = MarkedWords(change.words);
    paragraphs.push_back(std::move(paragraph));
  }
  out["same_paragraphs"] = same;
  out["paragraphs"] = std::move(paragraphs);
  return out;
}

// The two revisions of article `id` to compare: `numbers` (N M), or the last two.
int ReadRevisions(Context& context, Archive& archive, int64_t id,
                  const std::vector<int64_t>& numbers, std::vector<Side>* sides) {
  auto revisions = archive.Revisions(id);
  if (!revisions.ok()) {
    if (revisions.status().code() == StatusCode::kNotFound) {
      return context.Error(kExitPartial, "no article with id " + std::to_string(id));
    }
    return context.Error(revisions.status());
  }
  const auto count = static_cast<int64_t>(revisions->size());
  if (numbers.empty() && count < 2) {
    return context.Error(kExitPartial,
                         "article " + std::to_string(id) +
                             " has one revision: nothing to compare it with (give a second "
                             "article: morgue diff " +
                             std::to_string(id) + " ID)");
  }
  const std::vector<int64_t> wanted =
      numbers.empty() ? std::vector<int64_t>{count - 1, count} : numbers;
  for (int64_t number : wanted) {
    if (number < 1 || number > count) {
      return context.Error(kExitPartial,
                           "article " + std::to_string(id) + " has no revision " +
                               std::to_string(number) + " (it has " +
                               (count == 1 ? std::string("only revision 1")
                                           : "revisions 1 to " + std::to_string(count)) +
                               "; morgue show " + std::to_string(id) + " --revisions lists them)");
    }
    sides->push_back({(*revisions)[static_cast<size_t>(number - 1)].article, number});
  }
  return kExitOk;
}

// Articles `a` and `b`, each with its story links.
int ReadArticles(Context& context, Archive& archive, int64_t a, int64_t b,
                 std::vector<Side>* sides) {
  for (int64_t id : {a, b}) {
    auto article = archive.Get(id);
    if (!article.ok()) {
      if (article.status().code() == StatusCode::kNotFound) {
        return context.Error(kExitPartial, "no article with id " + std::to_string(id));
      }
      return context.Error(article.status());
    }
    sides->push_back({std::move(*article), 0});
  }
  return kExitOk;
}

int RunDiff(Context& context, const DiffArgs& args) {
  if (args.b != 0 && !args.revisions.empty()) {
    return context.Error(kExitUsage,
                         "--revision compares two revisions of one article: give one id "
                         "(morgue diff " +
                             std::to_string(args.a) + " --revision N M)");
  }
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) return kExitArchive;
  std::vector<Side> sides;
  const int code = args.b == 0 ? ReadRevisions(context, *archive, args.a, args.revisions, &sides)
                               : ReadArticles(context, *archive, args.a, args.b, &sides);
  if (code != kExitOk) return code;
  // Two articles may be linked as one story (A's links came with it); two revisions are
  // one article.
  const StoryLink* link = nullptr;
  if (args.b != 0) {
    for (const StoryLink& candidate : sides[0].article.similar) {
      if (candidate.id == args.b) link = &candidate;
    }
  }
  const Article& a = sides[0].article;
  const Article& b = sides[1].article;
  const std::vector<FieldDifference> metadata = MetadataDifferences(a, b);
  const std::vector<ParagraphChange> changes = DiffParagraphs(a.body, b.body);
  if (args.json) {
    PrintJson(JsonOf(sides[0], sides[1], link, metadata, changes));
  } else {
    PrintText(sides[0], sides[1], link, metadata, changes);
  }
  return kExitOk;
}

}  // namespace

Command AddDiffCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      "Show how two articles, or two revisions of one, differ: the metadata that differs, then "
      "the body's paragraphs only in one, moved, or changed, with the changed words marked "
      "[-removed-] {+added+}");
  SetExamples(sub, {"morgue similar 3", "morgue diff 3 17", "morgue diff 3 17 --json",
                    "morgue diff 3", "morgue diff 3 --revision 1 3"});
  context.AddGlobalOptions(sub);
  sub->add_option("a", args->a, "The first article's id (A)")->type_name("ID")->required();
  sub->add_option("b", args->b,
                  "The second article's id (B); without it, revisions of the first are compared "
                  "(the last two, or --revision N M)")
      ->type_name("ID");
  sub->add_option("--revision", args->revisions,
                  "Compare revisions N (A) and M (B) of the article (morgue show ID --revisions "
                  "lists them)")
      ->type_name("N M")
      ->expected(2)
      ->allow_extra_args(false);
  sub->add_flag("--json", args->json,
                "Print a JSON object: a, b, link, the metadata that differs, and each paragraph "
                "that is not the same (change: changed, only_a, only_b, moved; paragraph "
                "numbers from 1)");
  return {sub, [&context, args] { return RunDiff(context, *args); }};
}

}  // namespace morgue::cli
