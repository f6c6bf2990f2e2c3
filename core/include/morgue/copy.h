// Copying a whole archive to another store: a SQLite file to a PostgreSQL database, back,
// or to another file. Every table is copied row by row with its ids, originals included,
// so that both archives export the same bytes.
//
// A copy is made in batches, each committed with the rows before it; the destination is
// marked as being copied into until the end, and every morgue refuses to open it until
// then. A copy cut short (interrupted, a full disk, a lost connection) is finished by
// running the same copy again: it goes on after the last row that reached the destination.
//
// Thread-safety: CopyArchive uses its own connections, from the calling thread only.

#ifndef MORGUE_COPY_H_
#define MORGUE_COPY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "morgue/archive.h"
#include "morgue/export.h"
#include "morgue/status.h"

namespace morgue {

struct CopyOptions {
  // Called as the copy goes: the table being copied, its rows copied so far and in all
  // (from the source). Returning non-OK stops the copy there (as an interrupt does);
  // what was committed stays, and the same copy run again goes on from it.
  std::function<Status(std::string_view table, int64_t done, int64_t total)> on_progress;
};

struct CopyResult {
  int64_t articles = 0;   // in the destination when done
  int64_t documents = 0;  // originals, likewise
  int64_t rows = 0;       // rows this run wrote, over all tables
  bool resumed = false;   // the run went on with a copy an earlier run began
  // The two archives as messages name them (ArchiveDisplayName in archive.h).
  std::string source_name;
  std::string destination_name;
};

// Copies the archive at `source` to `destination`. Each is a SQLite archive's path or a
// PostgreSQL location (postgresql://...). The source must be an archive of this morgue's
// schema (an older one is upgraded by opening it once with any command); it is only read,
// in one snapshot. The destination must be new: a path where no file is, or a PostgreSQL
// database with no morgue schema or an empty one; or one a copy from the same source left
// unfinished, which this run finishes. Refused, naming the destination and the reason,
// with nothing written: anything else.
MORGUE_EXPORT Result<CopyResult> CopyArchive(std::string_view source, std::string_view destination,
                                             const CopyOptions& options = {});

}  // namespace morgue

#endif  // MORGUE_COPY_H_
