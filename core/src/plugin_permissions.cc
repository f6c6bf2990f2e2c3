#include "plugin_permissions.h"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace morgue::internal {
namespace {

namespace fs = std::filesystem;

constexpr mode_t kWritableByOthers = S_IWGRP | S_IWOTH;

std::string UserName(uid_t uid) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr) {
    return found->pw_name;
  }
  return "uid " + std::to_string(uid);
}

std::string GroupName(gid_t gid) {
  std::vector<char> buffer(16384);
  group entry{};
  group* found = nullptr;
  if (getgrgid_r(gid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr) {
    return found->gr_name;
  }
  return "gid " + std::to_string(gid);
}

// A path as a shell word, so that the suggested command can be pasted as it is.
std::string ShellWord(const std::string& text) {
  const bool plain = !text.empty() && text.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789_-./+,:@%") == std::string::npos;
  if (plain) return text;
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

std::string Mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// What is wrong with one file or folder, how to fix it, and whom the override trusts.
struct Problem {
  std::string what;
  std::string fix;
  std::string trust;
};

bool Trusted(uid_t owner, uid_t me) { return owner == me || owner == 0; }

std::optional<Problem> OwnerProblem(const std::string& kind, const fs::path& path,
                                    const struct stat& st, uid_t me) {
  if (Trusted(st.st_uid, me)) return std::nullopt;
  const std::string owner = UserName(st.st_uid) + " (uid " + std::to_string(st.st_uid) + ")";
  const std::string you = UserName(me);
  Problem problem;
  problem.what = kind + " " + path.string() + " is owned by " + owner + ", not by " +
                 (me == 0 ? std::string("root") : "you (" + you + ") or root");
  problem.fix = "run `chown " + ShellWord(you) + " " + ShellWord(path.string()) + "` as root";
  problem.trust = "user " + UserName(st.st_uid);
  return problem;
}

std::optional<Problem> WritableProblem(const std::string& kind, const fs::path& path,
                                       const struct stat& st) {
  if ((st.st_mode & kWritableByOthers) == 0) return std::nullopt;
  Problem problem;
  const std::string by = (st.st_mode & S_IWOTH) != 0
                             ? std::string("other users")
                             : "the members of group " + GroupName(st.st_gid);
  problem.what =
      kind + " " + path.string() + " is writable by " + by + " (mode " + Mode(st.st_mode) + ")";
  problem.fix = "run `chmod go-w " + ShellWord(path.string()) + "`";
  problem.trust = "everyone who can write there";
  return problem;
}

// Checks the folders from `dir` (which holds an entry owned by `entry_owner`) upwards.
//
// Which folders count: all of them, up to /, as OpenSSH checks a root-owned key: a folder
// owned by another user anywhere above would let that user rename it and put a tree of
// their own in its place between this check and the load (for root, that would run their
// code as root). A build tree inside another account's checkout is therefore refused;
// --allow-unsafe-plugins says it is trusted.
//
// A folder writable by others is refused, with one exception for ancestors: a sticky
// folder such as /tmp (1777) is safe when the entry below it is ours or root's, because
// the sticky bit keeps other users from renaming or deleting that entry, the only way
// they could swap what lies below. The library's own folder gets no exception: others
// could drop libraries into it.
std::optional<Problem> FolderProblem(fs::path dir, uid_t entry_owner, uid_t me,
                                     std::error_code& error) {
  bool own_folder = true;
  while (true) {
    struct stat st {};
    if (stat(dir.c_str(), &st) != 0) {
      error = std::error_code(errno, std::generic_category());
      return Problem{"cannot check folder " + dir.string() + ": " + error.message(), "", ""};
    }
    if (auto problem = OwnerProblem("folder", dir, st, me)) return problem;
    if ((st.st_mode & kWritableByOthers) != 0) {
      const bool sticky_shields_entry =
          !own_folder && (st.st_mode & S_ISVTX) != 0 && Trusted(entry_owner, me);
      if (!sticky_shields_entry) return WritableProblem("folder", dir, st);
    }
    if (!dir.has_relative_path()) return std::nullopt;  // reached /
    entry_owner = st.st_uid;
    dir = dir.parent_path();
    own_folder = false;
  }
}

Status Refusal(const fs::path& file, const Problem& problem) {
  return Status::PluginIncompatible(
      "refusing plugin " + file.string() + ": " + problem.what + "; " + problem.fix +
      ", or pass --allow-unsafe-plugins (or set MORGUE_ALLOW_UNSAFE_PLUGINS=1) if you trust " +
      problem.trust);
}

}  // namespace

Status CheckPluginPermissions(const fs::path& file, fs::path* resolved) {
  const uid_t me = geteuid();
  std::error_code error;
  const fs::path real = fs::canonical(file, error);
  if (error) {
    return Status::IOError("cannot check plugin " + file.string() + ": " + error.message());
  }
  struct stat st {};
  if (stat(real.c_str(), &st) != 0) {
    return Status::IOError("cannot check plugin " + file.string() + ": " + std::strerror(errno));
  }
  if (auto problem = OwnerProblem("file", real, st, me)) return Refusal(file, *problem);
  if (auto problem = WritableProblem("file", real, st)) return Refusal(file, *problem);
  if (auto problem = FolderProblem(real.parent_path(), st.st_uid, me, error)) {
    return error ? Status::IOError(problem->what) : Refusal(file, *problem);
  }

  // A link can be replaced by whoever can write the folder that holds it.
  struct stat link {};
  if (lstat(file.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    const fs::path link_dir = fs::canonical(fs::absolute(file).parent_path(), error);
    if (error) {
      return Status::IOError("cannot check plugin " + file.string() + ": " + error.message());
    }
    if (auto problem = FolderProblem(link_dir, link.st_uid, me, error)) {
      return error ? Status::IOError(problem->what) : Refusal(file, *problem);
    }
  }
  *resolved = real;
  return Status::OK();
}

}  // namespace morgue::internal
