// The originals an import keeps (see import_documents.h).

#include "import_documents.h"

#include <memory>
#include <utility>

#include "morgue/datetime.h"

namespace morgue {
namespace {

// The media type of a stored input: what the plugin that read it declares for the input's
// extension (PluginInfo::media_types); an input read by a plugin that does not claim its
// extension (named with --format, or chosen by probing) takes what another loaded plugin
// declares for it ("page.html" read as text is still text/html); else nothing is known.
std::string DocumentMediaType(const PluginRegistry& registry, const LoadedPluginInfo& reader,
                              const std::filesystem::path& path) {
  const std::string extension = ExtensionOf(path);
  if (reader.OwnsExtension(extension)) return reader.MediaTypeOf(extension);
  for (const std::shared_ptr<const LoadedPluginInfo>& other : registry.plugins()) {
    if (other->OwnsExtension(extension)) return other->MediaTypeOf(extension);
  }
  return "application/octet-stream";
}

}  // namespace

Result<PreparedDocument> PrepareDocument(std::string_view bytes) {
  PreparedDocument document;
  document.sha256 = Sha256Hex(bytes);
  MORGUE_ASSIGN_OR_RETURN(std::string compressed, ZstdCompress(bytes));
  // Incompressible input is stored as it is: no reader ever pays for the frame's overhead.
  if (compressed.size() < bytes.size()) document.compressed = std::move(compressed);
  return document;
}

Result<int64_t> ImportDocuments::Store(const ImportInput& input, const PreparedDocument& prepared,
                                       const LoadedPluginInfo& plugin, int64_t import_id) {
  if (dry_run_) return int64_t{0};
  return Insert(input, prepared, plugin, import_id, DocumentMediaType(plugins_, plugin, input.path),
                nullptr);
}

Result<int64_t> ImportDocuments::StoreNested(const ImportInput& input,
                                             const PreparedDocument& prepared,
                                             const LoadedPluginInfo& plugin, int64_t import_id,
                                             const DocumentOrigin& origin) {
  if (dry_run_) return int64_t{0};
  const std::string media_type =
      origin.media_type.empty() ? "application/octet-stream" : origin.media_type;
  return Insert(input, prepared, plugin, import_id, media_type, &origin);
}

Result<int64_t> ImportDocuments::Insert(const ImportInput& input, const PreparedDocument& prepared,
                                        const LoadedPluginInfo& plugin, int64_t import_id,
                                        const std::string& media_type,
                                        const DocumentOrigin* origin) {
  Result<int64_t> stored =
      db().SelectId("SELECT id FROM documents WHERE sha256 = ?1", prepared.sha256);
  if (!stored.ok() || *stored != 0) return stored;  // the same bytes are stored once
  const bool compressed = !prepared.compressed.empty();
  MORGUE_ASSIGN_OR_RETURN(auto* insert, db().Cached(R"sql(
    INSERT INTO documents(sha256, size, media_type, original_path, plugin, plugin_version,
                          imported_at, import_id, compression, content, container,
                          container_offset, target_uri, captured_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14))sql"));
  sql::Statement& s = *insert;
  s.Bind(1, prepared.sha256).Bind(2, static_cast<int64_t>(input.bytes.size()));
  s.Bind(3, media_type);
  s.Bind(4, input.name).Bind(5, plugin.name).Bind(6, plugin.version).Bind(7, UtcNow());
  s.Bind(8, import_id);
  s.Bind(9, CompressionName(compressed ? Compression::kZstd : Compression::kNone));
  s.BindBlob(10, compressed ? std::string_view(prepared.compressed) : input.bytes);
  if (origin != nullptr) {
    s.Bind(11, origin->container).Bind(12, static_cast<int64_t>(origin->offset));
    s.BindTextOrNull(13, origin->target_uri).BindTextOrNull(14, origin->captured);
  } else {
    s.BindNull(11).BindNull(12).BindNull(13).BindNull(14);
  }
  return s.RunForId();
}

Result<int64_t> ImportDocuments::InsertPending(const std::string& name,
                                               const std::filesystem::path& path,
                                               const LoadedPluginInfo& plugin, int64_t import_id,
                                               int64_t input) {
  if (dry_run_) return int64_t{0};
  MORGUE_ASSIGN_OR_RETURN(auto* insert, db().Cached(R"sql(
    INSERT INTO documents(sha256, size, media_type, original_path, plugin, plugin_version,
                          imported_at, import_id, compression, content)
    VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, 'zstd', zeroblob(0)))sql"));
  sql::Statement& s = *insert;
  s.Bind(1, "pending " + std::to_string(import_id) + " " + std::to_string(input));
  s.Bind(2, DocumentMediaType(plugins_, plugin, path)).Bind(3, name);
  s.Bind(4, plugin.name).Bind(5, plugin.version).Bind(6, UtcNow());
  s.Bind(7, import_id);
  return s.RunForId();
}

Status ImportDocuments::Complete(int64_t pending, StreamingDocument& document) {
  if (dry_run_) return Status::OK();
  MORGUE_ASSIGN_OR_RETURN(int64_t same, db().SelectId("SELECT id FROM documents WHERE sha256 = ?1",
                                                      document.sha256_hex()));
  if (same != 0) {  // these bytes are archived already: link the articles to that copy
    MORGUE_ASSIGN_OR_RETURN(
        auto* relink,
        db().Cached("UPDATE article_documents SET document_id = ?2 WHERE document_id = ?1 "
                    "AND NOT EXISTS (SELECT 1 FROM article_documents linked "
                    "WHERE linked.article_id = article_documents.article_id "
                    "AND linked.document_id = ?2)"));
    relink->Bind(1, pending).Bind(2, same);
    MORGUE_RETURN_IF_ERROR(relink->Run());
    // A revision read from the pending copy names the archived one instead.
    MORGUE_ASSIGN_OR_RETURN(
        auto* revisions,
        db().Cached("UPDATE article_revisions SET document_id = ?2 WHERE document_id = ?1"));
    revisions->Bind(1, pending).Bind(2, same);
    MORGUE_RETURN_IF_ERROR(revisions->Run());
    for (const char* drop : {"DELETE FROM article_documents WHERE document_id = ?1",
                             "DELETE FROM documents WHERE id = ?1"}) {
      MORGUE_ASSIGN_OR_RETURN(auto* statement, db().Cached(drop));
      statement->Bind(1, pending);
      MORGUE_RETURN_IF_ERROR(statement->Run());
    }
    return Status::OK();
  }
  MORGUE_ASSIGN_OR_RETURN(
      auto* update,
      db().Cached(
          "UPDATE documents SET sha256 = ?2, size = ?3, content = zeroblob(?4) WHERE id = ?1"));
  update->Bind(1, pending).Bind(2, document.sha256_hex());
  update->Bind(3, static_cast<int64_t>(document.size()));
  update->Bind(4, static_cast<int64_t>(document.compressed_size()));
  MORGUE_RETURN_IF_ERROR(update->Run());
  MORGUE_RETURN_IF_ERROR(document.Rewind());
  constexpr size_t kPiece = size_t{1} << 20;
  return db().WriteBlob(
      "documents", "content", pending, document.compressed_size(),
      [&document](std::string& piece) { return document.ReadCompressed(piece, kPiece); });
}

}  // namespace morgue
