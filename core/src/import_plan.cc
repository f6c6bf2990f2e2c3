// What a dry run would have stored (see import_plan.h).

#include "import_plan.h"

#include <algorithm>
#include <cstddef>

namespace morgue {

void DryRunPlan::OpenInput() {
  added_.clear();
  bodies_added_.clear();
  signed_at_open_ = signed_.size();
  next_id_at_open_ = next_id_;
}

Result<AddResult> DryRunPlan::Add(Archive::Impl& archive, Article article,
                                  const std::vector<std::string>& extra_tags) {
  if (next_id_ == 0) {
    MORGUE_ASSIGN_OR_RETURN(int64_t next, archive.NextArticleId());
    next_id_ = next_id_at_open_ = next;
  }
  MORGUE_ASSIGN_OR_RETURN(Archive::Impl::PlannedAdd planned,
                          archive.PlanAdd(std::move(article), extra_tags));
  const auto planned_with = [](const std::map<std::string, int64_t>& keys,
                               const std::string& key) -> int64_t {
    auto it = key.empty() ? keys.end() : keys.find(key);
    return it == keys.end() ? 0 : it->second;
  };
  // The run's articles with the same body: the first nothing contradicts, as
  // Archive::Impl::FindSameBody looks among the archived ones.
  int64_t same_body_in_run = 0;
  int64_t copy_in_run = 0;
  if (auto it = planned.body_hash.empty() ? bodies_.end() : bodies_.find(planned.body_hash);
      it != bodies_.end()) {
    for (const PlannedBody& body : it->second) {
      const bool contradicted =
          (!planned.url_key.empty() && !body.url_key.empty() && planned.url_key != body.url_key) ||
          (!planned.source_key.empty() && !body.source_key.empty() &&
           planned.source_key != body.source_key);
      if (!contradicted) {
        same_body_in_run = body.id;
        break;
      }
      if (copy_in_run == 0) copy_in_run = body.id;
    }
  }
  AddResult result;
  // In the order the archive looks: by address, then by body; archived ids first.
  // A bare article (neither body nor URL) matches any of the same title, date and
  // source; one with a body or URL only a bare one, which it completes.
  const int64_t same_bare =
      planned_with(planned.identified ? bare_metadata_ : metadata_, planned.metadata_key);
  for (int64_t same : {planned.same_url, planned_with(url_keys_, planned.url_key),
                       planned.same_body, same_body_in_run, planned.same_metadata, same_bare}) {
    if (same != 0) {
      result.id = same;
      result.duplicate = true;
      break;
    }
  }
  if (!result.duplicate) {
    result.id = next_id_++;
    result.copy_of = planned.copy_of != 0 ? planned.copy_of : copy_in_run;
    result.near_duplicates = planned.near;
    if (planned.signature) {
      for (int64_t id : NearInRun(*planned.signature, result.copy_of)) {
        if (result.near_duplicates.size() < static_cast<size_t>(kMaxNearLinks)) {
          result.near_duplicates.push_back(id);
        }
      }
      signed_.emplace_back(result.id, *planned.signature);
      for (int band = 0; band < kBands; ++band) {
        bands_[BandKey(*planned.signature, band)].push_back(signed_.size() - 1);
      }
    }
  }
  if (!planned.url_key.empty() && url_keys_.emplace(planned.url_key, result.id).second) {
    added_.emplace_back(&url_keys_, planned.url_key);
  }
  // A duplicate's body is known by its article when none of the run has it: it may have
  // filled the body of an article stored without one.
  if (!planned.body_hash.empty() && (!result.duplicate || !bodies_.contains(planned.body_hash))) {
    bodies_[planned.body_hash].push_back({result.id, planned.url_key, planned.source_key});
    bodies_added_.push_back(planned.body_hash);
  }
  if (!planned.metadata_key.empty() && !result.duplicate) {
    for (auto* keys : {&metadata_, &bare_metadata_}) {
      if (keys == &bare_metadata_ && planned.identified) continue;
      if (keys->emplace(planned.metadata_key, result.id).second) {
        added_.emplace_back(keys, planned.metadata_key);
      }
    }
  }
  return result;
}

std::vector<int64_t> DryRunPlan::NearInRun(const StorySignature& signature, int64_t copy_of) const {
  std::vector<size_t> candidates;
  for (int band = 0; band < kBands; ++band) {
    auto it = bands_.find(BandKey(signature, band));
    if (it == bands_.end()) continue;
    // The latest few, as the archive's lookup reads them.
    const std::vector<size_t>& sharing = it->second;
    const size_t first = sharing.size() > static_cast<size_t>(kCandidatesPerBand)
                             ? sharing.size() - kCandidatesPerBand
                             : 0;
    candidates.insert(candidates.end(), sharing.begin() + static_cast<std::ptrdiff_t>(first),
                      sharing.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::pair<double, int64_t>> near;
  for (size_t index : candidates) {
    const auto& [id, other] = signed_[index];
    const StorySimilarity similarity = CompareStories(signature, other);
    if (id != copy_of && IsNearDuplicate(similarity)) near.emplace_back(-similarity.jaccard, id);
  }
  std::sort(near.begin(), near.end());
  std::vector<int64_t> ids;
  for (const auto& [negated, id] : near) ids.push_back(id);
  return ids;
}

void DryRunPlan::UndoInput() {
  for (auto& [keys, key] : added_) keys->erase(key);
  added_.clear();
  for (auto it = bodies_added_.rbegin(); it != bodies_added_.rend(); ++it) {
    std::vector<PlannedBody>& bodies = bodies_[*it];
    bodies.pop_back();
    if (bodies.empty()) bodies_.erase(*it);
  }
  bodies_added_.clear();
  for (size_t index = signed_at_open_; index < signed_.size(); ++index) {
    for (int band = 0; band < kBands; ++band) {
      std::vector<size_t>& sharing = bands_[BandKey(signed_[index].second, band)];
      sharing.erase(std::remove(sharing.begin(), sharing.end(), index), sharing.end());
    }
  }
  signed_.resize(signed_at_open_);
  next_id_ = next_id_at_open_;
}

}  // namespace morgue
