// What a dry run would have stored (see import_plan.h).

#include "import_plan.h"

namespace morgue {

void DryRunPlan::OpenInput() {
  added_.clear();
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
  AddResult result;
  // In the order the archive looks: by address, then by body; archived ids first.
  // A bare article (neither body nor URL) matches any of the same title, date and
  // source; one with a body or URL only a bare one, which it completes.
  const int64_t same_bare =
      planned_with(planned.identified ? bare_metadata_ : metadata_, planned.metadata_key);
  for (int64_t same :
       {planned.same_url, planned_with(url_keys_, planned.url_key), planned.same_body,
        planned_with(body_hashes_, planned.body_hash), planned.same_metadata, same_bare}) {
    if (same != 0) {
      result.id = same;
      result.duplicate = true;
      break;
    }
  }
  if (!result.duplicate) result.id = next_id_++;
  for (auto [keys, key] :
       {std::pair{&url_keys_, &planned.url_key}, std::pair{&body_hashes_, &planned.body_hash}}) {
    if (!key->empty() && keys->emplace(*key, result.id).second) {
      added_.emplace_back(keys, *key);
    }
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

void DryRunPlan::UndoInput() {
  for (auto& [keys, key] : added_) keys->erase(key);
  added_.clear();
  next_id_ = next_id_at_open_;
}

}  // namespace morgue
