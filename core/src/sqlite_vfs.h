// How morgue sets SQLite up for its archives, once per process: statement journals held in
// memory up to kStatementJournalInMemoryBytes, and a VFS that splits long writes.
//
// The journal: an import stores each input inside a savepoint, whose statement journal
// keeps the earlier contents of the pages the input changes. SQLite keeps it in memory only
// up to 64 KiB by default; past that, most inputs' journals went to a temporary file in
// write and read calls. Held in memory, 100,000 articles of JSON Lines import ~7% faster,
// with a quarter less time in the kernel. (SQLite applies the same limit to the journals
// of temporary databases. Its in-memory journal takes memory in blocks of the limit: one
// that holds a single page takes 4 MiB, freed when the savepoint ends.)
//
// The VFS: the platform's default, except that a write longer than kLargestWrite reaches
// it as several writes. SQLite's Unix layer (os_unix.c, 3.40.1 as Debian 12 ships it)
// keeps only the low 17 bits of a write's length, on the assumption that no write exceeds
// 128 KiB; but a journal held in memory is written out, when it outgrows its limit, in
// chunks of up to the limit's size. Unsplit, such a chunk is written in part or not at
// all and the write fails as a false "database or disk is full". Everything else (reads,
// locks, shared memory, memory maps, names) goes to the default VFS unchanged; the files
// are ordinary SQLite files. The VFS becomes the process's default, so that connections
// opened without a VFS name split long writes too; one that names another VFS (or an
// archive path given as a URI with "vfs=") does not.
//
// Thread-safety: the setup runs once, on the first call of either function, which must not
// overlap any other use of SQLite in the process (sqlite3_config requires it; morgue's
// first use of SQLite is opening an archive, through these). Later calls are safe from any
// thread.

#ifndef MORGUE_CORE_SRC_SQLITE_VFS_H_
#define MORGUE_CORE_SRC_SQLITE_VFS_H_

namespace morgue::sql {

// The longest write passed on to the default VFS in one call.
inline constexpr int kLargestWrite = 64 * 1024;

// How much of a statement journal SQLite holds in memory before writing it to a file.
inline constexpr int kStatementJournalInMemoryBytes = 4 << 20;

// Sets SQLite up as above on first use and returns the VFS's registered name, for
// sqlite3_open_v2; nullptr when SQLite has no default VFS to wrap (it can open no file
// then).
const char* ArchiveVfsName();

// Whether the setup set the journal limit: not when something in the process started
// SQLite before it (a program that did keeps SQLite's own limit).
bool StatementJournalLimitSet();

}  // namespace morgue::sql

#endif  // MORGUE_CORE_SRC_SQLITE_VFS_H_
