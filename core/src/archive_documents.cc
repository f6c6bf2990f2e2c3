// The original documents an article came from: listing them, and writing one back byte
// for byte, checked against the size and SHA-256 recorded at import.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive_impl.h"
#include "morgue/archive.h"
#include "storage_codec.h"

namespace morgue {

Result<std::vector<DocumentInfo>> Archive::Documents(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(
      int64_t exists,
      impl_->db->SelectId("SELECT id FROM articles WHERE id = ?1", std::to_string(id)));
  if (exists == 0) return Status::NotFound("no article with id " + std::to_string(id));
  MORGUE_ASSIGN_OR_RETURN(sql::Statement stmt, impl_->db->Prepare(R"sql(
    SELECT d.id, d.original_path, d.size, d.sha256, d.media_type, d.plugin, d.plugin_version,
           d.imported_at, d.container, d.container_offset, d.target_uri, d.captured_at
    FROM article_documents ad JOIN documents d ON d.id = ad.document_id
    WHERE ad.article_id = ?1 ORDER BY d.id)sql"));
  stmt.Bind(1, id);
  std::vector<DocumentInfo> documents;
  while (true) {
    MORGUE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    documents.push_back({stmt.Int(0), stmt.Text(1), stmt.Int(2), stmt.Text(3), stmt.Text(4),
                         stmt.Text(5), stmt.Text(6), stmt.Text(7), stmt.Text(8), stmt.Int(9),
                         stmt.Text(10), stmt.Text(11)});
  }
  return documents;
}

Status Archive::WriteOriginal(int64_t document_id,
                              const std::function<Status(std::string_view)>& write) {
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement stmt,
      impl_->db->Prepare("SELECT size, sha256, compression FROM documents WHERE id = ?1"));
  stmt.Bind(1, document_id);
  MORGUE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status::NotFound("no document with id " + std::to_string(document_id));
  const auto size = static_cast<uint64_t>(stmt.Int(0));
  const std::string sha256 = stmt.Text(1);
  const std::string compression_name = stmt.Text(2);
  const std::optional<Compression> compression = CompressionNamed(compression_name);
  if (!compression) {
    return Status::Corruption("document " + std::to_string(document_id) +
                              " is stored with unknown compression '" + compression_name + "'");
  }
  OriginalReader reader(*compression, write);
  Status read =
      impl_->db->ReadBlob("documents", "content", document_id,
                          [&reader](std::string_view piece) { return reader.Add(piece); });
  if (read.ok()) read = reader.Finish(size, sha256);
  if (!read.ok() && read.code() == StatusCode::kCorruption) {
    return Status::Corruption("document " + std::to_string(document_id) + ": " + read.message());
  }
  return read;
}

}  // namespace morgue
