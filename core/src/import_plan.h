// DryRunPlan: what a dry run (ImportOptions::dry_run) would have stored. It remembers the
// dedup keys of the articles it would have added, so that a later input duplicating one
// of them is reported as a real run would store it, and gives each new one the id the
// archive would. What an input added is taken back when the input fails.
//
// Thread-safety: used from the storing thread only.

#ifndef MORGUE_CORE_SRC_IMPORT_PLAN_H_
#define MORGUE_CORE_SRC_IMPORT_PLAN_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "morgue/archive.h"
#include "morgue/article.h"
#include "morgue/status.h"
#include "story_signature.h"

namespace morgue {

class DryRunPlan {
 public:
  // A new input begins: what it adds from now on is what UndoInput takes back.
  void OpenInput();
  // What the archive would do with `article` (with `extra_tags`), were the run's earlier
  // articles stored, remembering its keys instead of storing it.
  Result<AddResult> Add(Archive::Impl& archive, Article article,
                        const std::vector<std::string>& extra_tags);
  // Takes back what the open input added.
  void UndoInput();
  // Keeps what the open input added.
  void KeepInput() {
    versions_changed_.clear();
    added_.clear();
    bodies_added_.clear();
    with_body_added_.clear();
    signed_at_open_ = signed_.size();
  }

 private:
  std::map<std::string, int64_t> url_keys_;
  // By canonical URL key, the versions the run would store of an article with an
  // address, the latest last, which the next input with that address is compared with
  // (see Archive::Impl::NewRevisionFields): the compared fields, the body by its hash only
  // (so a teaser of a body counts as a change here, where a real run sees it is none).
  struct PlannedVersion {
    Article fields;  // title, subtitle, authors, published
    std::string body_hash;
    int64_t revision = 1;
  };
  std::map<std::string, std::vector<PlannedVersion>> versions_;
  // The keys of versions_ that gained a version in the open input, in order.
  std::vector<std::string> versions_changed_;
  // The fields in which `article` (with `body_hash`) would revise `version`.
  static std::vector<std::string> ChangedFrom(const PlannedVersion& version, const Article& article,
                                              const std::string& body_hash);
  // By body, each article of the run with that body, in order, with what the dedup
  // compares (see Archive::Impl::FindSameBody).
  struct PlannedBody {
    int64_t id = 0;
    std::string url_key;
    std::string source_key;
  };
  std::map<std::string, std::vector<PlannedBody>> bodies_;
  // By title, date and source (see Archive::Impl::FindSameMetadata): every article, and
  // those that had neither body nor canonical URL, which one that has may complete.
  std::map<std::string, int64_t> metadata_;
  std::map<std::string, int64_t> bare_metadata_;
  int64_t next_id_ = 0;  // the id the next new article would get; 0: not read yet
  // What the input being stored added, taken back when it fails.
  std::vector<std::pair<std::map<std::string, int64_t>*, std::string>> added_;
  std::vector<std::string> bodies_added_;  // a body of bodies_ gained its last entry
  // The run's articles that would have a body (new ones, and archived ones it would fill).
  std::set<int64_t> with_body_;
  std::vector<int64_t> with_body_added_;
  int64_t first_new_id_ = 0;  // the id of the run's first new article
  // The signatures of the bodies the run would store, with the articles sharing each band
  // key, for the near-duplicates among them; from signed_at_open_ on, the open input's.
  struct SignedBody {
    int64_t id = 0;
    std::string body_hash;
    StorySignature signature;
  };
  std::vector<SignedBody> signed_;
  std::unordered_map<int64_t, std::vector<size_t>> bands_;
  size_t signed_at_open_ = 0;
  // The near-duplicates of a body among the run's signed ones, as FindNearStories finds
  // them among the archived ones (the latest kCandidatesPerBand per band key).
  std::vector<Archive::Impl::NearStory> NearInRun(const StorySignature& signature,
                                                  const std::string& body_hash) const;
  int64_t next_id_at_open_ = 0;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_IMPORT_PLAN_H_
