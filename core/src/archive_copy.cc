// CopyArchive (morgue/copy.h): two endpoints (copy_endpoint.h), the tables of
// copy_tables.h copied in order, each in committed batches after the destination's last
// key, so that a copy cut short goes on where it stopped.

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "copy_endpoint.h"
#include "morgue/copy.h"
#include "postgres_connection.h"
#include "storage_codec.h"

namespace morgue {
namespace {

// How a location is named in the destination's mark, so that a copy run again from
// another folder is recognised: a file by its absolute path, a database by its name.
std::string Identity(const std::string& location) {
  if (pg::IsPostgresLocation(location)) return pg::DisplayName(location);
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::weakly_canonical(location, error);
  return error ? location : absolute.string();
}

Result<std::unique_ptr<copy::Endpoint>> OpenSource(const std::string& location) {
  if (pg::IsPostgresLocation(location)) return copy::OpenPostgresSource(location);
  return copy::OpenSqliteSource(location);
}

Result<std::unique_ptr<copy::Endpoint>> OpenDestination(const std::string& location,
                                                        bool* created) {
  *created = false;
  if (pg::IsPostgresLocation(location)) return copy::OpenPostgresDestination(location);
  return copy::OpenSqliteDestination(location, created);
}

// Removes a SQLite archive this run created and could not start copying into.
void RemoveCreated(const std::string& path) {
  std::error_code error;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, error);
}

// What the source holds, in brief: each table's row count and last key, and the next
// article's id. A copy going on with an earlier one must find the same, or rows added,
// changed or removed below the keys already copied would be missed.
Result<std::string> SourceState(copy::Endpoint& source) {
  std::string state;
  for (const copy::Table& table : copy::CopyTables()) {
    MORGUE_ASSIGN_OR_RETURN(int64_t rows, source.CountRows(table));
    state += std::string(table.name) + " " + std::to_string(rows);
    if (table.key_columns == 0) {
      state += "\n";
      continue;
    }
    MORGUE_ASSIGN_OR_RETURN(copy::Row last, source.LastKey(table));
    for (const copy::Value& value : last) {
      state += value.null ? std::string(" null")
                          : " " + std::to_string(value.integer) + ":" + value.bytes;
    }
    state += "\n";
  }
  MORGUE_ASSIGN_OR_RETURN(int64_t next_article_id, source.NextArticleId());
  state += "next article " + std::to_string(next_article_id) + "\n";
  return "sha256:" + Sha256Hex(state);
}

// Whether the copy may go into `destination`, and whether it goes on with an earlier one
// (from the same source, still holding `source_state`).
Result<bool> CheckDestination(copy::Endpoint& destination, bool created, bool is_postgres,
                              const std::string& source_identity, const std::string& source_state) {
  if (created) return false;
  Result<std::string> marker = destination.Setting(copy::kCopyMarkerKey);
  if (!marker.ok() || marker->empty()) {
    if (marker.ok()) {
      MORGUE_ASSIGN_OR_RETURN(bool empty, destination.IsEmpty());
      // An empty PostgreSQL database is what a new archive is there; a file that exists
      // is never overwritten.
      if (empty && is_postgres) return false;
    }
    return Status::InvalidArgument(
        "'" + destination.name() +
        "' already exists and holds an archive or other data; a copy makes a new archive: "
        "name a path where no file is, or an empty PostgreSQL database");
  }
  if (*marker != source_identity) {
    return Status::InvalidArgument("archive '" + destination.name() +
                                   "' is being copied into from '" + *marker + "', not from '" +
                                   source_identity +
                                   "': run that copy again to finish it, or name another "
                                   "destination");
  }
  MORGUE_ASSIGN_OR_RETURN(std::string state, destination.Setting(copy::kCopyStateKey));
  if (state != source_state) {
    return Status::InvalidArgument(
        "archive '" + destination.name() + "' holds part of a copy of '" + source_identity +
        "', which has changed since that copy began: the rest would not fit what was copied; "
        "delete '" +
        destination.name() + "' (or empty the database) and copy it again");
  }
  return true;
}

Status ReportProgress(const CopyOptions& options, const copy::Table& table, int64_t done,
                      int64_t total) {
  return options.on_progress ? options.on_progress(table.name, done, total) : Status::OK();
}

// Copies one table's rows that the destination does not have yet; adds to *rows.
Status CopyTable(copy::Endpoint& source, copy::Endpoint& destination, const copy::Table& table,
                 const CopyOptions& options, int64_t* rows) {
  MORGUE_ASSIGN_OR_RETURN(int64_t total, source.CountRows(table));
  if (table.key_columns == 0) {
    // No key to go on after: the whole table, again, in one transaction.
    MORGUE_RETURN_IF_ERROR(ReportProgress(options, table, 0, total));
    MORGUE_ASSIGN_OR_RETURN(std::vector<copy::Row> all, source.ReadRows(table, {}, 0));
    MORGUE_RETURN_IF_ERROR(destination.Begin());
    MORGUE_RETURN_IF_ERROR(destination.DeleteRows(table));
    MORGUE_RETURN_IF_ERROR(destination.WriteRows(table, all));
    MORGUE_RETURN_IF_ERROR(destination.Commit());
    *rows += static_cast<int64_t>(all.size());
    return ReportProgress(options, table, total, total);
  }
  MORGUE_ASSIGN_OR_RETURN(int64_t done, destination.CountRows(table));
  MORGUE_ASSIGN_OR_RETURN(copy::Row after, destination.LastKey(table));
  MORGUE_RETURN_IF_ERROR(ReportProgress(options, table, done, total));
  while (true) {
    MORGUE_ASSIGN_OR_RETURN(std::vector<copy::Row> batch,
                            source.ReadRows(table, after, table.batch_rows));
    if (batch.empty()) break;
    MORGUE_RETURN_IF_ERROR(destination.Begin());
    MORGUE_RETURN_IF_ERROR(destination.WriteRows(table, batch));
    MORGUE_RETURN_IF_ERROR(destination.Commit());
    done += static_cast<int64_t>(batch.size());
    *rows += static_cast<int64_t>(batch.size());
    after.assign(batch.back().begin(),
                 batch.back().begin() + static_cast<std::ptrdiff_t>(table.key_columns));
    MORGUE_RETURN_IF_ERROR(ReportProgress(options, table, done, total));
    if (static_cast<int>(batch.size()) < table.batch_rows) break;
  }
  return Status::OK();
}

const copy::Table& TableNamed(std::string_view name) {
  for (const copy::Table& table : copy::CopyTables()) {
    if (table.name == name) return table;
  }
  return copy::CopyTables().front();
}

}  // namespace

Result<CopyResult> CopyArchive(std::string_view source, std::string_view destination,
                               const CopyOptions& options) {
  const std::string from(source);
  const std::string to(destination);
  const std::string from_identity = Identity(from);
  if (from_identity == Identity(to)) {
    return Status::InvalidArgument("cannot copy archive '" + from_identity + "' onto itself");
  }
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<copy::Endpoint> reader, OpenSource(from));
  bool created = false;
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<copy::Endpoint> writer, OpenDestination(to, &created));

  CopyResult result;
  result.source_name = reader->name();
  result.destination_name = writer->name();
  Status snapshot = reader->BeginSnapshot();
  Result<std::string> state = snapshot.ok() ? SourceState(*reader) : Result<std::string>(snapshot);
  Result<bool> resumed = state.ok() ? CheckDestination(*writer, created, pg::IsPostgresLocation(to),
                                                       from_identity, *state)
                                    : Result<bool>(state.status());
  if (!resumed.ok()) {
    writer.reset();
    if (created) RemoveCreated(to);
    return resumed.status();
  }
  result.resumed = *resumed;
  if (!result.resumed) {
    Status started = writer->Begin();
    if (started.ok()) started = writer->StartCopy(from_identity, *state);
    if (started.ok()) started = writer->Commit();
    if (!started.ok()) {
      writer.reset();
      if (created) RemoveCreated(to);
      return started;
    }
  }

  for (const copy::Table& table : copy::CopyTables()) {
    const Status copied = CopyTable(*reader, *writer, table, options, &result.rows);
    if (!copied.ok()) {
      // A row the destination refuses is a failure of the archive, not of the request.
      const StatusCode code =
          copied.code() == StatusCode::kInvalidArgument ? StatusCode::kIOError : copied.code();
      return Status(code, "the copy stopped in table " + std::string(table.name) + ": " +
                              copied.message() +
                              "; what was copied is kept, and the same copy run again goes on "
                              "from there");
    }
  }
  MORGUE_ASSIGN_OR_RETURN(int64_t next_article_id, reader->NextArticleId());
  MORGUE_RETURN_IF_ERROR(writer->Begin());
  MORGUE_RETURN_IF_ERROR(writer->FinishCopy(next_article_id));
  MORGUE_RETURN_IF_ERROR(writer->Commit());
  MORGUE_ASSIGN_OR_RETURN(result.articles, writer->CountRows(TableNamed("articles")));
  MORGUE_ASSIGN_OR_RETURN(result.documents, writer->CountRows(TableNamed("documents")));
  return result;
}

}  // namespace morgue
