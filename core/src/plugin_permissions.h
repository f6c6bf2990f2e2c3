// Whether a plugin library is safe to load, judged by who could have written it, the way
// OpenSSH judges a key file or authorized_keys (StrictModes): loading a library runs its
// code with the user's rights, so a library that another user could have replaced is
// as dangerous as a program they wrote.
//
// Thread-safety: a pure function of the file system; safe to call from any thread.

#ifndef MORGUE_CORE_SRC_PLUGIN_PERMISSIONS_H_
#define MORGUE_CORE_SRC_PLUGIN_PERMISSIONS_H_

#include <filesystem>

#include "morgue/status.h"

namespace morgue::internal {

// The library behind `file` (after every symbolic link) is safe to load when it is a
// file owned by the current user or root and writable by no one else, and every folder
// that leads to it passes the same test (see the .cc for which folders count). When
// `file` is a symbolic link, the folder holding the link is checked as well.
//
// Returns OK, or PluginIncompatible with one line: what is wrong, the command that fixes
// it, and the override. `*resolved` gets the path to load, with every link resolved, so
// that what is loaded is what was checked.
Status CheckPluginPermissions(const std::filesystem::path& file, std::filesystem::path* resolved);

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_PLUGIN_PERMISSIONS_H_
