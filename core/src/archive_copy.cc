// CopyArchive (morgue/copy.h): two endpoints (copy_endpoint.h), the tables of
// copy_tables.h copied in order, each in committed batches after the destination's last
// key, so that a copy cut short goes on where it stopped.

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "copy_endpoint.h"
#include "morgue/copy.h"
#include "postgres_connection.h"
#include "storage_codec.h"

namespace morgue {
namespace {

// How a location is named in the destination's mark, so that a copy run again from
// another folder is recognised: a file by its absolute path, a database by its name.
std::string Identity(const std::string& location) {
  if (pg::IsPostgresLocation(location)) return ArchiveDisplayName(location);
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::weakly_canonical(location, error);
  return error ? location : absolute.string();
}

Result<std::unique_ptr<copy::Endpoint>> OpenSource(const std::string& location) {
  if (pg::IsPostgresLocation(location)) return copy::OpenPostgresSource(location);
  return copy::OpenSqliteSource(location);
}

// *fresh: a copy may begin there (a new file, an empty database); *created: a file this
// run made, removed again if the copy cannot begin.
Result<std::unique_ptr<copy::Endpoint>> OpenDestination(const std::string& location, bool* fresh,
                                                        bool* created) {
  *created = false;
  if (pg::IsPostgresLocation(location)) return copy::OpenPostgresDestination(location, fresh);
  Result<std::unique_ptr<copy::Endpoint>> endpoint = copy::OpenSqliteDestination(location, created);
  *fresh = *created;
  return endpoint;
}

// Removes a SQLite archive this run created and could not start copying into.
void RemoveCreated(const std::string& path) {
  std::error_code error;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, error);
}

// What the source holds, read once in its snapshot: each table's row count (by the
// tables' order), and a digest of the counts, each table's last key and the next
// article's id. A copy going on with an earlier one must find the same digest, or rows
// added, changed or removed below the keys already copied would be missed.
struct SourceState {
  std::vector<int64_t> rows;
  std::string digest;
};

Result<SourceState> ReadSourceState(copy::Endpoint& source) {
  SourceState read;
  std::string state;
  for (const copy::Table& table : copy::CopyTables()) {
    MORGUE_ASSIGN_OR_RETURN(int64_t rows, source.CountRows(table));
    read.rows.push_back(rows);
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
  read.digest = "sha256:" + Sha256Hex(state);
  return read;
}

// Whether the copy may go into `destination` (`fresh`: where a copy may begin), and
// whether it goes on with an earlier one (from the same source, still holding what its
// digest says).
Result<bool> CheckDestination(copy::Endpoint& destination, bool fresh,
                              const std::string& source_identity, const std::string& source_state) {
  if (fresh) return false;
  // A file that exists is never overwritten; one that is no archive has no settings.
  Result<std::string> marker = destination.Setting(copy::kCopyMarkerKey);
  if (!marker.ok() || marker->empty()) {
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

// Copies one table's rows (`total` in the source) that the destination does not have
// yet; adds to *rows.
Status CopyTable(copy::Endpoint& source, copy::Endpoint& destination, const copy::Table& table,
                 int64_t total, const CopyOptions& options, int64_t* rows) {
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
  bool fresh = false;
  bool created = false;
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<copy::Endpoint> writer,
                          OpenDestination(to, &fresh, &created));

  CopyResult result;
  result.source_name = reader->name();
  result.destination_name = writer->name();
  Status snapshot = reader->BeginSnapshot();
  Result<SourceState> state =
      snapshot.ok() ? ReadSourceState(*reader) : Result<SourceState>(snapshot);
  Result<bool> resumed = state.ok() ? CheckDestination(*writer, fresh, from_identity, state->digest)
                                    : Result<bool>(state.status());
  if (!resumed.ok()) {
    writer.reset();
    if (created) RemoveCreated(to);
    return resumed.status();
  }
  result.resumed = *resumed;
  if (!result.resumed) {
    Status started = writer->Begin();
    if (started.ok()) started = writer->StartCopy(from_identity, state->digest);
    if (started.ok()) started = writer->Commit();
    if (!started.ok()) {
      writer.reset();
      if (created) RemoveCreated(to);
      return started;
    }
  }

  const std::span<const copy::Table> tables = copy::CopyTables();
  for (size_t i = 0; i < tables.size(); ++i) {
    const copy::Table& table = tables[i];
    const Status copied = CopyTable(*reader, *writer, table, state->rows[i], options, &result.rows);
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
  // The copy holds what the source's snapshot held.
  for (size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].name == "articles") result.articles = state->rows[i];
    if (tables[i].name == "documents") result.documents = state->rows[i];
  }
  return result;
}

}  // namespace morgue
