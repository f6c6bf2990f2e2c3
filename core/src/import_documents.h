// The originals an import keeps: each input's bytes, stored once per distinct content in
// the `documents` table with the media type of the extension it was read under. A whole
// input's original is prepared (hashed, compressed) on the lane that read it, so that
// the one writer only inserts it; one read in parts gets a pending row before its
// articles and is completed from its StreamingDocument after the last part.
//
// Thread-safety: PrepareDocument may run on any thread; an ImportDocuments writes to the
// archive and is used from the storing thread only.

#ifndef MORGUE_CORE_SRC_IMPORT_DOCUMENTS_H_
#define MORGUE_CORE_SRC_IMPORT_DOCUMENTS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "archive_impl.h"
#include "morgue/plugin.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"
#include "storage_codec.h"

namespace morgue {

// The original of a whole input as the archive keeps it.
struct PreparedDocument {
  std::string sha256;
  std::string compressed;  // empty: stored as it is
};

Result<PreparedDocument> PrepareDocument(std::string_view bytes);

// Where a document from a container came from, kept with its original.
struct DocumentOrigin {
  std::string container;   // the container's input name (its path, or "<stdin>")
  uint64_t offset = 0;     // where its record starts in the container, in bytes
  std::string target_uri;  // the address it was captured from or published at
  std::string captured;    // when it was captured, ISO 8601
  std::string media_type;  // of the document, as the container gives it
};

class ImportDocuments {
 public:
  // A dry run stores nothing: every call succeeds with document id 0.
  ImportDocuments(Archive::Impl& archive, const PluginRegistry& plugins, bool dry_run)
      : archive_(archive), plugins_(plugins), dry_run_(dry_run) {}

  // Stores a whole input's original read by `plugin` for run `import_id`, unless the same
  // bytes are stored already; returns the document's id.
  Result<int64_t> Store(const ImportInput& input, const PreparedDocument& prepared,
                        const LoadedPluginInfo& plugin, int64_t import_id);
  // The same for a document from a container: its media type and origin come with it.
  Result<int64_t> StoreNested(const ImportInput& input, const PreparedDocument& prepared,
                              const LoadedPluginInfo& plugin, int64_t import_id,
                              const DocumentOrigin& origin);

  // The row of a document that arrives in parts, made before its articles so that they
  // can link to it, under a stand-in digest unique to the run's input number `input` (the
  // savepoint is never committed with it); Complete fills it in.
  Result<int64_t> InsertPending(const std::string& name, const std::filesystem::path& path,
                                const LoadedPluginInfo& plugin, int64_t import_id, int64_t input);
  // Fills in the pending document `pending` from `document`, or drops it for an
  // identical document already archived, relinking its articles to that one.
  Status Complete(int64_t pending, StreamingDocument& document);

 private:
  sql::Database& db() { return *archive_.db; }
  // Inserts the document unless the same bytes are stored already; `origin` null for an
  // input of its own.
  Result<int64_t> Insert(const ImportInput& input, const PreparedDocument& prepared,
                         const LoadedPluginInfo& plugin, int64_t import_id,
                         const std::string& media_type, const DocumentOrigin* origin);

  Archive::Impl& archive_;
  const PluginRegistry& plugins_;
  bool dry_run_;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_IMPORT_DOCUMENTS_H_
