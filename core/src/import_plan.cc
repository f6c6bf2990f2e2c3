// What a dry run would have stored (see import_plan.h).

#include "import_plan.h"

#include <algorithm>
#include <cstddef>

namespace morgue {

void DryRunPlan::OpenInput() {
  versions_changed_.clear();
  added_.clear();
  bodies_added_.clear();
  with_body_added_.clear();
  signed_at_open_ = signed_.size();
  next_id_at_open_ = next_id_;
}

Result<AddResult> DryRunPlan::Add(Archive::Impl& archive, Article article,
                                  const std::vector<std::string>& extra_tags) {
  if (next_id_ == 0) {
    MORGUE_ASSIGN_OR_RETURN(int64_t next, archive.NextArticleId());
    next_id_ = next_id_at_open_ = first_new_id_ = next;
  }
  // What a later input with its address is compared with, were this one stored.
  PlannedVersion incoming;
  incoming.fields.title = article.title;
  incoming.fields.subtitle = article.subtitle;
  incoming.fields.authors = article.authors;
  incoming.fields.published = article.published;
  MORGUE_ASSIGN_OR_RETURN(Archive::Impl::PlannedAdd planned,
                          archive.PlanAdd(std::move(article), extra_tags));
  incoming.body_hash = planned.body_hash;
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
      if (!BodiesContradict(planned.url_key, planned.source_key, body.url_key, body.source_key)) {
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
  // A revision: of the run's latest version of the article, unless it is an earlier one
  // again (of the run's, or of the archive's: PlanAdd compared it with those); else of the
  // archived article.
  std::vector<std::string> revised;
  const bool same_address =
      result.duplicate && !planned.url_key.empty() &&
      (result.id == planned.same_url || result.id == planned_with(url_keys_, planned.url_key));
  auto versions = planned.url_key.empty() ? versions_.end() : versions_.find(planned.url_key);
  if (same_address && versions != versions_.end()) {
    const PlannedVersion& latest = versions->second.back();
    revised = ChangedFrom(latest, incoming.fields, incoming.body_hash);
    for (const PlannedVersion& earlier : versions->second) {
      if (ChangedFrom(earlier, incoming.fields, incoming.body_hash).empty()) revised.clear();
    }
    if (planned.same_url != 0 && planned.revised_fields.empty()) revised.clear();
    if (!revised.empty()) result.revision = latest.revision + 1;
  } else if (same_address && result.id == planned.same_url) {
    revised = planned.revised_fields;
    if (!revised.empty()) result.revision = planned.stored_revision + 1;
    // The archived version is what the run's later inputs with this address meet first.
    PlannedVersion archived;
    archived.fields = planned.stored_fields;
    archived.body_hash = planned.stored_body_hash;
    archived.revision = planned.stored_revision;
    versions = versions_.emplace(planned.url_key, std::vector<PlannedVersion>{archived}).first;
    versions_changed_.push_back(planned.url_key);
  }
  if (!result.duplicate && !planned.url_key.empty()) {
    incoming.revision = 1;
    versions_[planned.url_key].push_back(incoming);
    versions_changed_.push_back(planned.url_key);
  } else if (same_address && versions != versions_.end()) {
    // What the archive's article would hold next, as Archive::Impl::Revise (or a merge)
    // leaves it: the changed fields take the input's values, the empty ones are filled,
    // the rest stay.
    const PlannedVersion& before = versions->second.back();
    PlannedVersion next = before;
    if (result.revision != 0) next.revision = result.revision;
    const auto take = [&revised](const char* field, const std::string& value, std::string* kept) {
      if (value.empty()) return false;
      if (!kept->empty() && std::find(revised.begin(), revised.end(), field) == revised.end()) {
        return false;
      }
      if (*kept == value) return false;
      *kept = value;
      return true;
    };
    bool differs = result.revision != 0;
    differs |= take("title", incoming.fields.title, &next.fields.title);
    differs |= take("subtitle", incoming.fields.subtitle, &next.fields.subtitle);
    differs |= take("published", incoming.fields.published, &next.fields.published);
    differs |= take("body", incoming.body_hash, &next.body_hash);
    const bool byline_changed =
        std::find(revised.begin(), revised.end(), "authors") != revised.end();
    if (!incoming.fields.authors.empty() && (next.fields.authors.empty() || byline_changed)) {
      differs |= next.fields.authors != incoming.fields.authors;
      next.fields.authors = incoming.fields.authors;
    }
    if (differs) {
      versions->second.push_back(std::move(next));
      versions_changed_.push_back(planned.url_key);
    }
  }
  if (!result.duplicate) {
    result.id = next_id_++;
    result.copy_of = planned.copy_of != 0 ? planned.copy_of : copy_in_run;
  }
  if (!planned.url_key.empty() && url_keys_.emplace(planned.url_key, result.id).second) {
    added_.emplace_back(&url_keys_, planned.url_key);
  }
  // The body is stored with a new article, and with a duplicate whose article has none
  // (the merge fills it in); then it is signed and finds its near-duplicates.
  // A new revision with a changed body stores it too.
  const bool revises_body =
      result.revision != 0 && std::find(revised.begin(), revised.end(), "body") != revised.end();
  bool stores_body = !planned.body_hash.empty() && (!result.duplicate || revises_body);
  if (!planned.body_hash.empty() && result.duplicate && !revises_body) {
    if (result.id >= first_new_id_) {
      stores_body = !with_body_.contains(result.id);
    } else {
      MORGUE_ASSIGN_OR_RETURN(bool has_body, archive.ArticleHasBody(result.id));
      stores_body = !has_body;
    }
  }
  if (stores_body) {
    bodies_[planned.body_hash].push_back({result.id, planned.url_key, planned.source_key});
    bodies_added_.push_back(planned.body_hash);
    if (with_body_.insert(result.id).second) with_body_added_.push_back(result.id);
  }
  if (stores_body && planned.signature) {
    std::vector<Archive::Impl::NearStory> near = planned.near;
    // A revised body is signed in place of the article's old one: never its own near-duplicate.
    if (revises_body) {
      std::erase_if(near,
                    [&](const Archive::Impl::NearStory& story) { return story.id == result.id; });
    }
    for (const Archive::Impl::NearStory& story : NearInRun(*planned.signature, planned.body_hash)) {
      if (!story.same_body) near.push_back(story);
    }
    // As FindNearStories orders and cuts them.
    std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
      return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
    });
    if (near.size() > static_cast<size_t>(kMaxNearLinks)) near.resize(kMaxNearLinks);
    result.near_duplicates.reserve(near.size());
    for (const Archive::Impl::NearStory& story : near) result.near_duplicates.push_back(story.id);
    signed_.push_back({result.id, planned.body_hash, *planned.signature});
    for (int band = 0; band < kBands; ++band) {
      bands_[BandKey(*planned.signature, band)].push_back(signed_.size() - 1);
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

std::vector<Archive::Impl::NearStory> DryRunPlan::NearInRun(const StorySignature& signature,
                                                            const std::string& body_hash) const {
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
  std::vector<Archive::Impl::NearStory> near;
  for (size_t index : candidates) {
    const SignedBody& other = signed_[index];
    if (other.body_hash == body_hash) {
      near.push_back({other.id, 1.0, true});
      continue;
    }
    const StorySimilarity similarity = CompareStories(signature, other.signature);
    if (IsNearDuplicate(similarity)) near.push_back({other.id, similarity.jaccard, false});
  }
  return near;
}

std::vector<std::string> DryRunPlan::ChangedFrom(const PlannedVersion& version,
                                                 const Article& article,
                                                 const std::string& body_hash) {
  std::vector<std::string> changed = RevisedFields(version.fields, article);
  if (!version.body_hash.empty() && !body_hash.empty() && version.body_hash != body_hash) {
    // In the archive's order of fields: the body after the title and subtitle.
    size_t at = 0;
    while (at < changed.size() && (changed[at] == "title" || changed[at] == "subtitle")) ++at;
    changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(at), "body");
  }
  return changed;
}

void DryRunPlan::UndoInput() {
  for (auto it = versions_changed_.rbegin(); it != versions_changed_.rend(); ++it) {
    std::vector<PlannedVersion>& versions = versions_[*it];
    versions.pop_back();
    if (versions.empty()) versions_.erase(*it);
  }
  versions_changed_.clear();
  for (auto& [keys, key] : added_) keys->erase(key);
  added_.clear();
  for (auto it = bodies_added_.rbegin(); it != bodies_added_.rend(); ++it) {
    std::vector<PlannedBody>& bodies = bodies_[*it];
    bodies.pop_back();
    if (bodies.empty()) bodies_.erase(*it);
  }
  bodies_added_.clear();
  for (int64_t id : with_body_added_) with_body_.erase(id);
  with_body_added_.clear();
  for (size_t index = signed_at_open_; index < signed_.size(); ++index) {
    for (int band = 0; band < kBands; ++band) {
      std::vector<size_t>& sharing = bands_[BandKey(signed_[index].signature, band)];
      sharing.erase(std::remove(sharing.begin(), sharing.end(), index), sharing.end());
    }
  }
  signed_.resize(signed_at_open_);
  next_id_ = next_id_at_open_;
}

}  // namespace morgue
