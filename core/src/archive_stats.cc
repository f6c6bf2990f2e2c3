// What an archive holds, counted: articles, authors, sources, tags, documents and their
// sizes, imports, the span of publication dates, the file's size.

#include "archive_impl.h"
#include "morgue/archive.h"

namespace morgue {

Result<ArchiveStats> Archive::Stats() {
  MORGUE_ASSIGN_OR_RETURN(sql::Statement stmt, impl_->db->Prepare(R"sql(
    SELECT (SELECT count(*) FROM articles),
           (SELECT count(DISTINCT author_id) FROM article_authors),
           (SELECT count(DISTINCT source_id) FROM articles WHERE source_id IS NOT NULL),
           (SELECT count(*) FROM tags),
           (SELECT count(*) FROM documents),
           (SELECT coalesce(sum(size), 0) FROM documents),
           (SELECT coalesce(sum(length(content)), 0) FROM documents),
           (SELECT count(*) FROM imports),
           (SELECT published FROM articles WHERE published_sort IS NOT NULL
            ORDER BY published_sort LIMIT 1),
           (SELECT published FROM articles WHERE published_sort IS NOT NULL
            ORDER BY published_sort DESC LIMIT 1))sql"));
  MORGUE_RETURN_IF_ERROR(stmt.Step().status());
  ArchiveStats stats;
  stats.schema_version = impl_->schema_version;
  stats.articles = stmt.Int(0);
  stats.authors = stmt.Int(1);
  stats.sources = stmt.Int(2);
  stats.tags = stmt.Int(3);
  stats.documents = stmt.Int(4);
  stats.document_bytes = stmt.Int(5);
  stats.stored_bytes = stmt.Int(6);
  stats.imports = stmt.Int(7);
  stats.earliest_published = stmt.Text(8);
  stats.latest_published = stmt.Text(9);
  stats.file_bytes = impl_->db->SizeInBytes();
  return stats;
}

}  // namespace morgue
