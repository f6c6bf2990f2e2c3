#include "sqlite_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <utility>

namespace morgue::sql {
namespace {

constexpr char kVfsName[] = "morgue-split-writes";

// A file of the VFS: SQLite's header, then the default VFS's own file right after it.
struct SplitFile {
  sqlite3_file header;
  sqlite3_file* real;
};

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<SplitFile*>(file)->real; }
const sqlite3_io_methods& RealMethods(sqlite3_file* file) { return *Real(file)->pMethods; }

int Close(sqlite3_file* file) { return RealMethods(file).xClose(Real(file)); }
int Read(sqlite3_file* file, void* into, int amount, sqlite3_int64 offset) {
  return RealMethods(file).xRead(Real(file), into, amount, offset);
}
// The one method that differs: a long write is passed on in pieces of kLargestWrite.
int Write(sqlite3_file* file, const void* from, int amount, sqlite3_int64 offset) {
  sqlite3_file* real = Real(file);
  if (amount <= kLargestWrite) return real->pMethods->xWrite(real, from, amount, offset);
  const auto* bytes = static_cast<const char*>(from);
  while (amount > 0) {
    const int piece = std::min(amount, kLargestWrite);
    const int rc = real->pMethods->xWrite(real, bytes, piece, offset);
    if (rc != SQLITE_OK) return rc;
    bytes += piece;
    offset += piece;
    amount -= piece;
  }
  return SQLITE_OK;
}
int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  return RealMethods(file).xTruncate(Real(file), size);
}
int Sync(sqlite3_file* file, int flags) { return RealMethods(file).xSync(Real(file), flags); }
int FileSize(sqlite3_file* file, sqlite3_int64* size) {
  return RealMethods(file).xFileSize(Real(file), size);
}
int Lock(sqlite3_file* file, int level) { return RealMethods(file).xLock(Real(file), level); }
int Unlock(sqlite3_file* file, int level) { return RealMethods(file).xUnlock(Real(file), level); }
int CheckReservedLock(sqlite3_file* file, int* held) {
  return RealMethods(file).xCheckReservedLock(Real(file), held);
}
int FileControl(sqlite3_file* file, int op, void* argument) {
  const int rc = RealMethods(file).xFileControl(Real(file), op, argument);
  // The names of the VFS stack, this one first, as SQLite asks of a shim.
  if (op == SQLITE_FCNTL_VFSNAME && rc == SQLITE_OK) {
    auto* names = static_cast<char**>(argument);
    *names = sqlite3_mprintf("%s/%z", kVfsName, *names);
  }
  return rc;
}
int SectorSize(sqlite3_file* file) { return RealMethods(file).xSectorSize(Real(file)); }
int DeviceCharacteristics(sqlite3_file* file) {
  return RealMethods(file).xDeviceCharacteristics(Real(file));
}
int ShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** mapped) {
  return RealMethods(file).xShmMap(Real(file), region, size, extend, mapped);
}
int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
  return RealMethods(file).xShmLock(Real(file), offset, n, flags);
}
void ShmBarrier(sqlite3_file* file) { RealMethods(file).xShmBarrier(Real(file)); }
int ShmUnmap(sqlite3_file* file, int delete_flag) {
  return RealMethods(file).xShmUnmap(Real(file), delete_flag);
}
int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** mapped) {
  return RealMethods(file).xFetch(Real(file), offset, amount, mapped);
}
int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* mapped) {
  return RealMethods(file).xUnfetch(Real(file), offset, mapped);
}

// `wrapper` where the wrapped VFS or file has the method `wrapped`, else none: SQLite asks
// whether an optional method is there before it calls it.
template <typename Wrapped, typename Wrapper>
Wrapper IfPresent(Wrapped wrapped, Wrapper wrapper) {
  return wrapped != nullptr ? wrapper : nullptr;
}

// The methods of a file that wraps one with `real` methods: the same version and the same
// methods missing (SQLite decides by a method's presence whether a file has shared memory
// for the write-ahead log, or memory maps).
sqlite3_io_methods MethodsWrapping(const sqlite3_io_methods& real) {
  sqlite3_io_methods methods{};
  methods.iVersion = std::clamp(real.iVersion, 1, 3);
  methods.xClose = Close;
  methods.xRead = Read;
  methods.xWrite = Write;
  methods.xTruncate = Truncate;
  methods.xSync = Sync;
  methods.xFileSize = FileSize;
  methods.xLock = Lock;
  methods.xUnlock = Unlock;
  methods.xCheckReservedLock = CheckReservedLock;
  methods.xFileControl = FileControl;
  methods.xSectorSize = SectorSize;
  methods.xDeviceCharacteristics = DeviceCharacteristics;
  if (methods.iVersion >= 2) {
    methods.xShmMap = IfPresent(real.xShmMap, ShmMap);
    methods.xShmLock = IfPresent(real.xShmLock, ShmLock);
    methods.xShmBarrier = IfPresent(real.xShmBarrier, ShmBarrier);
    methods.xShmUnmap = IfPresent(real.xShmUnmap, ShmUnmap);
  }
  if (methods.iVersion >= 3) {
    methods.xFetch = IfPresent(real.xFetch, Fetch);
    methods.xUnfetch = IfPresent(real.xUnfetch, Unfetch);
  }
  return methods;
}

// The wrapping methods for each set of methods the default VFS gives its files (a handful
// of static tables, one per kind of locking), made once each and kept for the process.
const sqlite3_io_methods* WrappingMethods(const sqlite3_io_methods* real) {
  static std::mutex mutex;
  static std::deque<std::pair<const sqlite3_io_methods*, sqlite3_io_methods>> made;
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& [wrapped, methods] : made) {
    if (wrapped == real) return &methods;
  }
  return &made.emplace_back(real, MethodsWrapping(*real)).second;
}

sqlite3_vfs* Root(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* split = reinterpret_cast<SplitFile*>(file);
  split->real = reinterpret_cast<sqlite3_file*>(split + 1);
  split->real->pMethods = nullptr;
  const int rc = Root(vfs)->xOpen(Root(vfs), name, split->real, flags, out_flags);
  const sqlite3_io_methods* real_methods = split->real->pMethods;
  // SQLite closes a file whose methods are set even when its opening failed.
  file->pMethods = real_methods == nullptr ? nullptr : WrappingMethods(real_methods);
  return rc;
}
int Delete(sqlite3_vfs* vfs, const char* name, int sync_folder) {
  return Root(vfs)->xDelete(Root(vfs), name, sync_folder);
}
int Access(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
  return Root(vfs)->xAccess(Root(vfs), name, flags, result);
}
int FullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return Root(vfs)->xFullPathname(Root(vfs), name, size, out);
}
void* DlOpen(sqlite3_vfs* vfs, const char* name) { return Root(vfs)->xDlOpen(Root(vfs), name); }
void DlError(sqlite3_vfs* vfs, int size, char* out) { Root(vfs)->xDlError(Root(vfs), size, out); }
void (*DlSym(sqlite3_vfs* vfs, void* library, const char* symbol))(void) {
  return Root(vfs)->xDlSym(Root(vfs), library, symbol);
}
void DlClose(sqlite3_vfs* vfs, void* library) { Root(vfs)->xDlClose(Root(vfs), library); }
int Randomness(sqlite3_vfs* vfs, int size, char* out) {
  return Root(vfs)->xRandomness(Root(vfs), size, out);
}
int Sleep(sqlite3_vfs* vfs, int microseconds) { return Root(vfs)->xSleep(Root(vfs), microseconds); }
int CurrentTime(sqlite3_vfs* vfs, double* julian_day) {
  return Root(vfs)->xCurrentTime(Root(vfs), julian_day);
}
int GetLastError(sqlite3_vfs* vfs, int size, char* out) {
  return Root(vfs)->xGetLastError(Root(vfs), size, out);
}
int CurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* milliseconds) {
  return Root(vfs)->xCurrentTimeInt64(Root(vfs), milliseconds);
}
int SetSystemCall(sqlite3_vfs* vfs, const char* name, sqlite3_syscall_ptr call) {
  return Root(vfs)->xSetSystemCall(Root(vfs), name, call);
}
sqlite3_syscall_ptr GetSystemCall(sqlite3_vfs* vfs, const char* name) {
  return Root(vfs)->xGetSystemCall(Root(vfs), name);
}
const char* NextSystemCall(sqlite3_vfs* vfs, const char* name) {
  return Root(vfs)->xNextSystemCall(Root(vfs), name);
}

// What SetUp did: the VFS's name (nullptr when there was no default VFS to wrap) and
// whether the statement-journal limit was set.
struct Setup {
  const char* vfs_name = nullptr;
  bool journal_limit_set = false;
};

Setup SetUp() {
  Setup setup;
  // Before anything starts SQLite: SQLITE_MISUSE, and no change, when something has.
  setup.journal_limit_set =
      sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kStatementJournalInMemoryBytes) == SQLITE_OK;
  sqlite3_vfs* root = sqlite3_vfs_find(nullptr);  // starts SQLite: after the setting
  if (root == nullptr) return setup;
  static sqlite3_vfs vfs{};
  vfs.iVersion = std::min(root->iVersion, 3);
  vfs.szOsFile = static_cast<int>(sizeof(SplitFile)) + root->szOsFile;
  vfs.mxPathname = root->mxPathname;
  vfs.zName = kVfsName;
  vfs.pAppData = root;
  vfs.xOpen = Open;
  vfs.xDelete = Delete;
  vfs.xAccess = Access;
  vfs.xFullPathname = FullPathname;
  vfs.xDlOpen = IfPresent(root->xDlOpen, DlOpen);
  vfs.xDlError = IfPresent(root->xDlError, DlError);
  vfs.xDlSym = IfPresent(root->xDlSym, DlSym);
  vfs.xDlClose = IfPresent(root->xDlClose, DlClose);
  vfs.xRandomness = Randomness;
  vfs.xSleep = Sleep;
  vfs.xCurrentTime = CurrentTime;
  vfs.xGetLastError = GetLastError;
  if (vfs.iVersion >= 2) {
    vfs.xCurrentTimeInt64 = IfPresent(root->xCurrentTimeInt64, CurrentTimeInt64);
  }
  if (vfs.iVersion >= 3) {
    vfs.xSetSystemCall = IfPresent(root->xSetSystemCall, SetSystemCall);
    vfs.xGetSystemCall = IfPresent(root->xGetSystemCall, GetSystemCall);
    vfs.xNextSystemCall = IfPresent(root->xNextSystemCall, NextSystemCall);
  }
  if (sqlite3_vfs_register(&vfs, /*makeDflt=*/1) == SQLITE_OK) setup.vfs_name = kVfsName;
  return setup;
}

const Setup& TheSetup() {
  static const Setup setup = SetUp();
  return setup;
}

}  // namespace

const char* ArchiveVfsName() { return TheSetup().vfs_name; }

bool StatementJournalLimitSet() { return TheSetup().journal_limit_set; }

}  // namespace morgue::sql
