// Re-extraction: reading archived articles' original documents again with the importers
// installed now, to see what a better importer makes of them and, on request, to store
// that as each article's next revision (Archive::StoreRevision), which Archive::Revert
// undoes.
//
// Thread-safety: Reextract uses the archive and the registry from the calling thread
// only; the plugins run in this process, on this thread.

#ifndef MORGUE_REEXTRACT_H_
#define MORGUE_REEXTRACT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/export.h"
#include "morgue/filter.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"

namespace morgue {

struct ReextractOptions {
  // Read every original with this importer (a plugin or format name); empty: each with
  // the importer that read it when it was imported.
  std::string plugin;
  // Store what changed as a new revision of each article; otherwise nothing is written.
  bool apply = false;
};

// A field whose value the importer now reads otherwise.
struct FieldChange {
  std::string field;  // "title", "subtitle", "body", "authors", "published", "summary", "updated"
  std::string before;
  std::string after;  // authors as "Name; Name"
};

// What re-reading one article's original gave.
struct ReextractResult {
  int64_t id = 0;
  int64_t document_id = 0;           // the original read (the current revision's); 0 if none
  std::string document_name;         // as first imported
  std::string plugin;                // the importer that read it now, and its version
  Status status;                     // OK, or why the original could not be read again
  std::vector<FieldChange> changes;  // none: the importer reads what the archive has
  int64_t revision = 0;              // with ReextractOptions::apply: the revision stored; else 0
};

// Re-reads the original of each article `filter` selects: the document its current
// revision came from, with `options.plugin` or the importer that read it. A value the
// importer now leaves empty keeps the article's; tags, media and the publication are
// never changed. Calls `on_article` with each article's result, in the filter's order.
// An article that cannot be read again (no original, the importer fails, the original
// holds several articles of which none is this one) has a non-OK status and the rest go
// on. Returns non-OK, stopping there, when the selection fails, `on_article` does, or
// (with apply) the archive cannot store a revision; what was stored before stays.
MORGUE_EXPORT Status Reextract(Archive& archive, const PluginRegistry& plugins,
                               const Filter& filter, const ReextractOptions& options,
                               const std::function<Status(const ReextractResult&)>& on_article);

}  // namespace morgue

#endif  // MORGUE_REEXTRACT_H_
