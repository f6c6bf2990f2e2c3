#include "filter_options.h"

#include <charconv>

#include "morgue/datetime.h"

namespace morgue::cli {
namespace {

const CLI::Validator& DateValidator() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        if (IsIso8601(text)) {
          return {};
        }
        return "'" + text + "' is not an ISO 8601 date; write e.g. 2011-01-04, 2011-01 or " +
               "2011-01-04T19:42:00+09:00";
      },
      "");
  return validator;
}

const CLI::Validator& IdValidator() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        // "--ids '1, 2'": the spaces after the commas are no part of the ids.
        text.erase(0, text.find_first_not_of(' '));
        text.erase(text.find_last_not_of(' ') + 1);
        int64_t value = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < 1) {
          return "'" + text + "' is not an article id (a whole number from 1)";
        }
        return {};
      },
      "");
  return validator;
}

const CLI::Validator& CountValidator() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        int64_t value = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < 0) {
          return "'" + text + "' is not a whole number of 0 or more";
        }
        return {};
      },
      "");
  return validator;
}

const CLI::Validator& OrderValidator() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        if (ParseSortOrder(text).ok()) {
          return {};
        }
        return "unknown order '" + text + "'; valid orders: " + std::string(SortOrderNames());
      },
      "");
  return validator;
}

const CLI::Validator& TagOriginValidator() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        if (text == "page" || text == "user") {
          return {};
        }
        return "'" + text + "' is not a tag origin; use page (tags imported pages gave) or " +
               "user (tags you added)";
      },
      "");
  return validator;
}

}  // namespace

void AddFilterOptions(CLI::App* app, FilterOptions* options, bool with_query) {
  const std::string group = "Filters";
  app->add_option("--tag", options->tags,
                  "Only articles with this tag (repeatable: all must match)")
      ->type_name("TAG")
      ->allow_extra_args(false)
      ->group(group);
  app->add_option("--tag-origin", options->tag_origin,
                  "Only articles whose --tag tags the imported page gave (page) or you added "
                  "with 'morgue tag' or 'import --tag' (user); without --tag, articles with "
                  "any tag of that origin")
      ->type_name("page|user")
      ->check(TagOriginValidator())
      ->group(group);
  app->add_option("--author", options->author,
                  "Only articles by an author whose name contains TEXT")
      ->type_name("TEXT")
      ->group(group);
  app->add_option("--source", options->source,
                  "Only articles from a publication whose name, alias or domain contains TEXT")
      ->type_name("TEXT")
      ->group(group);
  app->add_option("--since", options->since, "Only articles published on or after DATE (ISO 8601)")
      ->type_name("DATE")
      ->check(DateValidator())
      ->group(group);
  app->add_option("--until", options->until, "Only articles published on or before DATE (ISO 8601)")
      ->type_name("DATE")
      ->check(DateValidator())
      ->group(group);
  if (with_query) {
    app->add_option("--query", options->query, "Only articles matching a full-text (FTS5) query")
        ->type_name("QUERY")
        ->group(group);
  }
  app->add_flag("--literal", options->literal,
                "Search for the query's words with no FTS5 syntax: quotes, AND, OR, NOT, *, "
                "NEAR and column: are plain text (punctuation inside words is still ignored, "
                "so C++ finds C)")
      ->group(group);
  app->add_option("--ids", options->ids, "Only these articles, e.g. --ids 1,2,3")
      ->type_name("ID,ID")
      ->delimiter(',')
      ->transform(IdValidator())
      ->allow_extra_args(false)
      ->group(group);
  app->add_flag("--collapse", options->collapse,
                "One article per story (articles linked as copies or near-duplicates, see "
                "'morgue similar'): the earliest published of those selected. list and search "
                "show how many articles each story has; export writes it with --fields "
                "cluster_size")
      ->group(group);
  app->add_option("--limit", options->limit, "At most N articles")
      ->type_name("N")
      ->check(CountValidator())
      ->group(group);
  app->add_option("--offset", options->offset, "Skip the first N articles")
      ->type_name("N")
      ->check(CountValidator())
      ->group(group);
  app->add_option("--order", options->order, "Sort order: " + std::string(SortOrderNames()))
      ->type_name("ORDER")
      ->check(OrderValidator())
      ->group(group);
}

Filter MakeFilter(const FilterOptions& options) {
  Filter filter;
  filter.tags = options.tags;
  filter.tag_origin = options.tag_origin;
  filter.author = options.author;
  filter.source = options.source;
  filter.since = options.since;
  filter.until = options.until;
  filter.query = options.query;
  filter.literal_query = options.literal;
  filter.ids = options.ids;
  filter.collapse = options.collapse;
  filter.limit = options.limit;
  filter.offset = options.offset;
  if (!options.order.empty()) {
    // Validated while parsing.
    if (auto order = ParseSortOrder(options.order); order.ok()) {
      filter.order = *order;
    }
  }
  return filter;
}

}  // namespace morgue::cli
