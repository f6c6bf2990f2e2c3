// Archive::Select: the cursor exporters pull articles from, one at a time.
//
// Reading an article alone (Archive::Impl::Load) takes five queries; an export of many
// articles spent most of its time running them. The cursor instead takes the ids of the
// select in batches and reads each batch with one query per table, every query a cached
// statement over an IN list of the batch's ids, and reads only the parts asked for
// (SetParts). A batch is small, so memory stays flat however large the export. With
// Filter::every_revision, each revised article's earlier revisions follow it.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "fts5_query.h"

namespace morgue {
namespace {

// Articles read per batch: enough to make the per-statement cost vanish, few enough
// that a batch of long bodies stays a few MB.
constexpr int kBatch = 64;

// "?1, ?2, ..., ?kBatch": a partial batch binds NULL to the rest, which matches nothing.
std::string IdParameters() {
  std::string list;
  for (int i = 1; i <= kBatch; ++i) {
    if (i > 1) list += ", ";
    list += "?" + std::to_string(i);
  }
  return list;
}

class SelectCursor : public ArticleCursor {
 public:
  SelectCursor(Archive::Impl* archive, sql::Statement stmt, Filter filter)
      : archive_(archive), stmt_(std::move(stmt)), filter_(std::move(filter)) {
    // One snapshot for the whole export. The select's own read ends when it returns its
    // last row, and the last batch is read after that: without a transaction of ours,
    // another process's commit could slip in between.
    if (!archive_->db->InTransaction()) {
      own_transaction_ = archive_->db->BeginRead().ok();
    }
    const std::string ids = IdParameters();
    // Every query returns the article id first, for FillBatch to find its article.
    main_sql_ =
        "SELECT a.id, a.title, a.subtitle, a.body, a.summary, a.language, a.url, "
        "a.canonical_url, a.published, a.updated, s.name, a.word_count, a.body_hash, "
        "a.added_at, a.revision FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE "
        "a.id IN (" +
        ids + ")";
    // The same orders as Archive::Impl::Load, within each article.
    authors_sql_ =
        "SELECT aa.article_id, au.name, au.email, aa.role FROM article_authors aa JOIN authors "
        "au ON au.id = aa.author_id WHERE aa.article_id IN (" +
        ids + ") ORDER BY aa.article_id, aa.position";
    tags_sql_ =
        "SELECT at.article_id, t.name, at.origin FROM article_tags at JOIN tags t "
        "ON t.id = at.tag_id WHERE at.article_id IN (" +
        ids + ") ORDER BY at.article_id, " + archive_->db->dialect().ignoring_case("t.name");
    media_sql_ = "SELECT article_id, url, caption, credit FROM media WHERE article_id IN (" + ids +
                 ") ORDER BY article_id, position";
    fields_sql_ =
        "SELECT article_id, field, rule FROM article_fields WHERE article_id IN (" + ids + ")";
    clusters_sql_ =
        "SELECT c.article_id, c.cluster_id, z.articles FROM story_clusters c JOIN "
        "story_cluster_sizes z ON z.cluster_id = c.cluster_id WHERE c.article_id IN (" +
        ids + ")";
    // The same order as Archive::Links, within each article.
    links_sql_ =
        "SELECT article_id, other_id, kind, similarity FROM article_links "
        "WHERE article_id IN (" +
        ids +
        ") UNION ALL "
        "SELECT other_id, article_id, kind, similarity FROM article_links "
        "WHERE other_id IN (" +
        ids + ") ORDER BY 1, 4 DESC, 2";
  }

  ~SelectCursor() override { EndTransaction(); }
  SelectCursor(const SelectCursor&) = delete;
  SelectCursor& operator=(const SelectCursor&) = delete;

  bool Next(Article* article) override {
    if (next_ == batch_.size()) {
      if (done_ || !FillBatch()) return false;
    }
    *article = std::move(batch_[next_++]);
    return true;
  }

  Status status() const override { return status_; }

  void SetParts(const ArticleParts& parts) override { parts_ = parts; }

 private:
  // Takes the next ids from the select and reads their articles into batch_; false at
  // the end or on error.
  bool FillBatch() {
    batch_.clear();
    next_ = 0;
    while (static_cast<int>(batch_.size()) < kBatch) {
      Result<bool> row = stmt_.Step();
      if (!row.ok() || !*row) {
        if (!row.ok()) status_ = QueryError(filter_, row.status());
        done_ = true;
        stmt_.Reset();
        break;
      }
      batch_.emplace_back().id = stmt_.Int(0);
    }
    if (!status_.ok() || batch_.empty()) return Fail(status_);
    // Where each id sits in the batch, to place rows that come in id order.
    slots_.clear();
    for (size_t i = 0; i < batch_.size(); ++i) slots_.emplace_back(batch_[i].id, i);
    std::sort(slots_.begin(), slots_.end());

    std::vector<bool> found(batch_.size(), false);
    Status read = Read(main_sql_, [&](sql::Statement& m, Article& a, size_t slot) {
      found[slot] = true;
      a.title = m.Text(1);
      a.subtitle = m.Text(2);
      a.body = m.Text(3);
      a.summary = m.Text(4);
      a.language = m.Text(5);
      a.url = m.Text(6);
      a.canonical_url = m.Text(7);
      a.published = m.Text(8);
      a.updated = m.Text(9);
      a.source = m.Text(10);
      a.word_count = m.Int(11);
      a.body_hash = m.Text(12);
      a.added_at = m.Text(13);
      a.revision = m.Int(14);
    });
    if (!read.ok()) return Fail(read);
    for (size_t i = 0; i < batch_.size(); ++i) {
      // The select and this read share one snapshot, so only a damaged archive gets here.
      if (!found[i]) {
        return Fail(Status::NotFound("no article with id " + std::to_string(batch_[i].id)));
      }
    }
    if (parts_.authors) {
      read = Read(authors_sql_, [](sql::Statement& s, Article& a, size_t) {
        a.authors.push_back({s.Text(1), s.Text(2), s.Text(3)});
      });
      if (!read.ok()) return Fail(read);
    }
    if (parts_.tags) {
      read = Read(tags_sql_, [](sql::Statement& s, Article& a, size_t) {
        a.tags.push_back(s.Text(1));
        a.tag_origins[a.tags.back()] = s.Text(2);
      });
      if (!read.ok()) return Fail(read);
    }
    if (parts_.media) {
      read = Read(media_sql_, [](sql::Statement& s, Article& a, size_t) {
        a.media.push_back({s.Text(1), s.Text(2), s.Text(3)});
      });
      if (!read.ok()) return Fail(read);
    }
    if (parts_.provenance) {
      read = Read(fields_sql_, [](sql::Statement& s, Article& a, size_t) {
        a.provenance[s.Text(1)] = s.Text(2);
      });
      if (!read.ok()) return Fail(read);
    }
    if (parts_.story) {
      for (Article& a : batch_) {
        a.cluster = a.id;  // linked to none, unless a row says otherwise
        a.cluster_size = 1;
      }
      read = Read(clusters_sql_, [](sql::Statement& s, Article& a, size_t) {
        a.cluster = s.Int(1);
        a.cluster_size = s.Int(2);
      });
      if (!read.ok()) return Fail(read);
      read = Read(links_sql_, [](sql::Statement& s, Article& a, size_t) {
        a.similar.push_back({s.Int(1), s.Text(2), s.Double(3)});
      });
      if (!read.ok()) return Fail(read);
    }
    if (filter_.every_revision) {
      const Status revisions = AddEarlierRevisions();
      if (!revisions.ok()) return Fail(revisions);
    }
    if (done_) EndTransaction();  // everything is read: let checkpoints go on
    return true;
  }

  // Places each revised article's earlier revisions before it, the first first, so that
  // the rows of an article come in the order it was revised (importing the export into
  // an empty archive makes the same revisions). Revised articles are few: one query each.
  Status AddEarlierRevisions() {
    std::vector<Article> with_revisions;
    with_revisions.reserve(batch_.size());
    for (Article& a : batch_) {
      const bool revised = a.revision > 1;
      std::vector<Revision> earlier;
      if (revised) {
        MORGUE_ASSIGN_OR_RETURN(earlier, archive_->SupersededRevisions(a));
      }
      for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
        with_revisions.push_back(std::move(it->article));
      }
      with_revisions.push_back(std::move(a));
    }
    batch_ = std::move(with_revisions);
    return Status::OK();
  }

  void EndTransaction() {
    if (!own_transaction_) return;
    own_transaction_ = false;
    stmt_.Reset();
    archive_->db->Exec("COMMIT").ok();  // a read transaction: nothing to lose
  }

  // Runs the cached statement `sql` over the batch's ids and hands each row to `take`
  // with the article (or articles: an id may come twice) it belongs to.
  template <typename Take>
  Status Read(const std::string& sql, Take take) {
    MORGUE_ASSIGN_OR_RETURN(auto* cached, archive_->db->Cached(sql));
    sql::Statement& s = *cached;
    for (int i = 0; i < kBatch; ++i) {
      if (i < static_cast<int>(batch_.size())) {
        s.Bind(i + 1, batch_[i].id);
      } else {
        s.BindNull(i + 1);
      }
    }
    while (true) {
      Result<bool> row = s.Step();
      if (!row.ok()) {
        s.Reset();
        return row.status();
      }
      if (!*row) break;
      const int64_t id = s.Int(0);
      auto [first, last] =
          std::equal_range(slots_.begin(), slots_.end(), std::pair<int64_t, size_t>(id, 0),
                           [](const auto& x, const auto& y) { return x.first < y.first; });
      for (auto it = first; it != last; ++it) take(s, batch_[it->second], it->second);
    }
    s.Reset();
    return Status::OK();
  }

  bool Fail(Status status) {
    status_ = std::move(status);
    done_ = true;
    batch_.clear();
    next_ = 0;
    stmt_.Reset();
    EndTransaction();
    return false;
  }

  Archive::Impl* archive_;
  bool own_transaction_ = false;
  sql::Statement stmt_;
  Filter filter_;
  Status status_;
  bool done_ = false;
  ArticleParts parts_;
  std::string main_sql_, authors_sql_, tags_sql_, media_sql_, fields_sql_, clusters_sql_,
      links_sql_;
  std::vector<Article> batch_;
  size_t next_ = 0;
  std::vector<std::pair<int64_t, size_t>> slots_;  // (id, index in batch_), by id
};

}  // namespace

Result<std::unique_ptr<ArticleCursor>> Archive::Select(const Filter& filter) {
  Result<sql::Statement> stmt = impl_->PrepareSelect(filter, false, {});
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  return std::unique_ptr<ArticleCursor>(
      new SelectCursor(impl_.get(), std::move(stmt).value(), filter));
}

}  // namespace morgue
