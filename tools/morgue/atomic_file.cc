#include "atomic_file.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace morgue::cli {
namespace {

namespace fs = std::filesystem;

Status Failure(const fs::path& path, std::string_view what, int error) {
  return Status::IOError("cannot " + std::string(what) + " " + path.string() + ": " +
                         std::strerror(error));
}

// The mode a plain open() would give a new file: 0666 less the umask. mkstemp uses 0600.
mode_t NewFileMode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

// Makes the rename itself durable.
void SyncDir(const fs::path& dir) {
  int fd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return;
  }
  fsync(fd);
  close(fd);
}

}  // namespace

std::string RefusedOutput(const fs::path& target, std::string_view what) {
  std::error_code error;
  if (fs::is_symlink(target, error)) {
    const fs::path to = fs::read_symlink(target, error);
    const std::string shown = error ? std::string() : " (to " + to.string() + ")";
    return target.string() + " is a symbolic link" + shown +
           "; not writing through it: name the file itself, or use --force to replace the "
           "link with " +
           std::string(what);
  }
  if (fs::exists(target, error)) {
    return target.string() + " already exists; use --force to replace it";
  }
  return {};
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(const fs::path& target, bool overwrite) {
  fs::path dir = target.parent_path();
  // Hidden, so a folder listing during a long export does not show a half-written file.
  // Always beside the target the user named: the name comes from that alone.
  std::string pattern = (dir / ("." + target.filename().string() + ".morgue-tmp-XXXXXX")).string();
  // mkostemp opens with O_CREAT | O_EXCL, which never follows a link planted at the name;
  // O_NOFOLLOW says so once more.
  int fd = mkostemp(pattern.data(), O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    return Failure(target, "write", errno);
  }
  fchmod(fd, NewFileMode());
  std::FILE* file = fdopen(fd, "wb");
  if (file == nullptr) {
    int error = errno;
    close(fd);
    unlink(pattern.c_str());
    return Failure(target, "write", error);
  }
  return std::unique_ptr<AtomicFile>(new AtomicFile(target, pattern, file, overwrite));
}

AtomicFile::AtomicFile(fs::path target, fs::path temp, std::FILE* file, bool overwrite)
    : target_(std::move(target)), temp_(std::move(temp)), file_(file), overwrite_(overwrite) {}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    (void)Discard(Status::OK());
  }
}

Status AtomicFile::Write(std::string_view bytes) {
  if (file_ == nullptr) {
    return Status::IOError("cannot write " + target_.string() + ": closed");
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return Failure(target_, "write", errno);
  }
  return Status::OK();
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) {
    return Status::IOError("cannot write " + target_.string() + ": closed");
  }
  if (std::fflush(file_) != 0) {
    return Discard(Failure(target_, "write", errno));
  }
  if (fsync(fileno(file_)) != 0) {
    return Discard(Failure(target_, "sync", errno));
  }
  std::FILE* file = std::exchange(file_, nullptr);
  if (std::fclose(file) != 0) {
    return Discard(Failure(target_, "write", errno));
  }
  if (overwrite_) {
    // rename() replaces a symbolic link at the target itself, never the file it points to.
    if (rename(temp_.c_str(), target_.c_str()) != 0) {
      return Discard(Failure(target_, "replace", errno));
    }
  } else if (renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0) {
    int error = errno;
    if (error == EEXIST) {
      return Discard(Status::IOError(target_.string() + " appeared during the export; not "
                                                        "replacing it (use --force to replace)"));
    }
    // A file system without RENAME_NOREPLACE: link() refuses an existing target too.
    if (error != EINVAL || link(temp_.c_str(), target_.c_str()) != 0) {
      return Discard(Failure(target_, "create", error == EINVAL ? errno : error));
    }
    unlink(temp_.c_str());
  }
  committed_ = true;
  SyncDir(target_.parent_path());
  return Status::OK();
}

Status AtomicFile::Discard(Status why) {
  if (file_ != nullptr) {
    std::fclose(std::exchange(file_, nullptr));
  }
  unlink(temp_.c_str());
  return why;
}

}  // namespace morgue::cli
