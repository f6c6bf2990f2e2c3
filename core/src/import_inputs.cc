// Which files an import reads: the paths given, and the files found in folders, chosen
// with --include and --exclude (CollectInputs in morgue/import.h).

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "morgue/import.h"

namespace morgue {
namespace {

// Why a symbolic link cannot be imported: it points nowhere, or round in a loop.
Status BrokenLink(const std::filesystem::path& link) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(link, ec);
  if (!exists && ec == std::errc::too_many_symbolic_link_levels) {
    return Status::NotFound("a symbolic link that loops back on itself");
  }
  return Status::NotFound("a symbolic link to nothing");
}

// Whether fnmatch(3) pattern `pattern` takes the file `relative` (its path relative to
// the folder walked): by its name, or by that path when the pattern holds a '/'.
bool GlobMatches(const std::string& pattern, const std::filesystem::path& relative) {
  const std::string subject = pattern.find('/') == std::string::npos ? relative.filename().string()
                                                                     : relative.generic_string();
  return fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool AnyGlobMatches(const std::vector<std::string>& patterns, const std::filesystem::path& relative,
                    bool names_only) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return !(names_only && pattern.find('/') != std::string::npos) &&
           GlobMatches(pattern, relative);
  });
}

}  // namespace

std::vector<std::filesystem::path> CollectInputFiles(
    const std::vector<std::filesystem::path>& paths, std::vector<InputReport>* problems) {
  std::vector<std::filesystem::path> files;
  for (InputFile& file : CollectInputs(paths, {}, problems)) files.push_back(std::move(file.path));
  return files;
}

std::vector<InputFile> CollectInputs(const std::vector<std::filesystem::path>& paths,
                                     const InputSelection& selection,
                                     std::vector<InputReport>* problems) {
  namespace fs = std::filesystem;
  std::vector<InputFile> files;
  auto problem = [problems](const fs::path& path, Status status) {
    if (problems == nullptr) return;
    InputReport report;
    report.input = path.string();
    report.status = std::move(status);
    problems->push_back(std::move(report));
  };
  const auto taken = [&selection](const fs::path& relative) {
    return (selection.include.empty() || AnyGlobMatches(selection.include, relative, false)) &&
           !AnyGlobMatches(selection.exclude, relative, false);
  };
  for (const fs::path& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      bool dangling = fs::is_symlink(fs::symlink_status(path, ec));
      problem(path, dangling ? BrokenLink(path) : Status::NotFound("no such file or folder"));
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back({path, false});
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) {
      problem(path, Status::IOError("cannot read folder: " + ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        problem(path, Status::IOError("cannot read folder: " + ec.message()));
        break;
      }
      const fs::path& entry = it->path();
      const fs::path relative = entry.lexically_relative(path);
      if (entry.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_symlink(ec) && it->is_directory(ec)) continue;  // never followed: no loops
      if (it->is_directory(ec)) {
        // `--exclude node_modules` leaves out the folder and all below it, as rsync does.
        if (AnyGlobMatches(selection.exclude, relative, true)) it.disable_recursion_pending();
        continue;
      }
      if (!taken(relative)) continue;
      if (it->is_regular_file(ec)) {
        found.push_back(entry);
      } else if (it->is_symlink(ec) && !it->exists(ec)) {
        problem(entry, BrokenLink(entry));
      }
    }
    std::sort(found.begin(), found.end());
    for (fs::path& file : found) files.push_back({std::move(file), true});
  }
  return files;
}

}  // namespace morgue
