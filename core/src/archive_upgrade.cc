// Work migrations leave for morgue's code on the articles archived before them
// (Archive::Impl::RunArchivedUpgrade), and the search index of migration 11.

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "search_grams.h"

namespace morgue {
namespace {

// How many articles an upgrade visits per transaction: the write lock is let go between
// chunks, so other processes' writes wait a moment at most.
constexpr int kUpgradeChunk = 500;

// The last article id an upgrade has done, or nullopt when it has nothing left to do.
Result<std::optional<int64_t>> UpgradeMark(sql::Database& db, std::string_view key) {
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement mark,
      db.Prepare("SELECT CAST(value AS INTEGER) FROM morgue_settings WHERE key = ?1"));
  mark.Bind(1, key);
  MORGUE_ASSIGN_OR_RETURN(bool pending, mark.Step());
  if (!pending) return std::optional<int64_t>();
  return std::optional<int64_t>(mark.Int(0));
}

// Reports an upgrade's progress to the open's callback a few times a second at most;
// done == total is reported once, by Finish, when the work is committed, so that the
// reporter ends its line then.
class ProgressReport {
 public:
  ProgressReport(const OpenOptions::UpgradeProgress& callback, std::string_view task, int64_t total)
      : callback_(callback), task_(task), total_(total) {}

  void Update(int64_t done) {
    if (!callback_ || total_ == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (reported_ && now - last_ < std::chrono::milliseconds(200)) return;
    reported_ = true;
    last_ = now;
    callback_(task_, std::min(done, total_ - 1), total_);
  }
  void Finish() {
    if (callback_ && total_ > 0) callback_(task_, total_, total_);
  }

 private:
  const OpenOptions::UpgradeProgress& callback_;
  std::string_view task_;
  int64_t total_;
  bool reported_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

Status Archive::Impl::RunArchivedUpgrade(const ArchivedUpgrade& upgrade) {
  // Looked at without a transaction first: opening an archive must not take the write
  // lock when there is nothing to do.
  MORGUE_ASSIGN_OR_RETURN(std::optional<int64_t> pending, UpgradeMark(*db, upgrade.mark_key));
  if (!pending) return Status::OK();
  int64_t total = 0;
  {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement count,
                            db->Prepare("SELECT count(*) FROM articles WHERE id > ?1"));
    count.Bind(1, *pending);
    MORGUE_RETURN_IF_ERROR(count.Step().status());
    total = count.Int(0);
  }
  ProgressReport progress(on_upgrade_progress, upgrade.task, total);
  progress.Update(0);
  int64_t done = 0;
  while (true) {
    sql::Transaction transaction(*db);
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    // Read again inside the transaction: another process may be upgrading too.
    MORGUE_ASSIGN_OR_RETURN(std::optional<int64_t> after, UpgradeMark(*db, upgrade.mark_key));
    if (!after) {
      MORGUE_RETURN_IF_ERROR(transaction.Commit());
      progress.Finish();
      return Status::OK();
    }
    // The chunk is read whole before it is visited: a visit writes the rows it read.
    std::vector<std::pair<int64_t, std::vector<std::string>>> chunk;
    {
      MORGUE_ASSIGN_OR_RETURN(sql::Statement next, db->Prepare(std::string(upgrade.select_sql)));
      next.Bind(1, *after).Bind(2, int64_t{kUpgradeChunk});
      while (true) {
        MORGUE_ASSIGN_OR_RETURN(bool row, next.Step());
        if (!row) break;
        std::vector<std::string> columns;
        for (int i = 1; i < next.ColumnCount(); ++i) columns.push_back(next.Text(i));
        chunk.emplace_back(next.Int(0), std::move(columns));
      }
    }
    for (const auto& [id, columns] : chunk) MORGUE_RETURN_IF_ERROR(upgrade.visit(id, columns));
    if (chunk.size() < static_cast<size_t>(kUpgradeChunk)) {
      MORGUE_ASSIGN_OR_RETURN(auto* drop, db->Cached("DELETE FROM morgue_settings WHERE key = ?1"));
      drop->Bind(1, upgrade.mark_key);
      MORGUE_RETURN_IF_ERROR(drop->Run());
    } else {
      MORGUE_ASSIGN_OR_RETURN(auto* mark,
                              db->Cached("UPDATE morgue_settings SET value = ?2 WHERE key = ?1"));
      mark->Bind(1, upgrade.mark_key).Bind(2, chunk.back().first);
      MORGUE_RETURN_IF_ERROR(mark->Run());
    }
    MORGUE_RETURN_IF_ERROR(transaction.Commit());
    done += static_cast<int64_t>(chunk.size());
    progress.Update(done);
  }
}

Status Archive::Impl::ReindexArchivedArticles() {
  MORGUE_ASSIGN_OR_RETURN(std::optional<int64_t> pending, UpgradeMark(*db, "search_index_after"));
  if (!pending) return Status::OK();
  // One transaction: the index is whole or, after a crash, still to be made (the mark
  // stays). Readers go on meanwhile (WAL); other writers wait.
  sql::Transaction transaction(*db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_ASSIGN_OR_RETURN(pending, UpgradeMark(*db, "search_index_after"));
  if (!pending) return transaction.Commit();  // another process made it
  int64_t total = 0;
  {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement count, db->Prepare("SELECT count(*) FROM articles"));
    MORGUE_RETURN_IF_ERROR(count.Step().status());
    total = count.Int(0);
  }
  ProgressReport progress(on_upgrade_progress,
                          "re-indexing search to read Korean, Japanese and Chinese", total);
  progress.Update(0);
  // The triggers leave every article to this (as an import batch's are, import_batch.cc),
  // and the index starts empty whatever a cut-short run left.
  MORGUE_RETURN_IF_ERROR(db->Exec(R"sql(
    INSERT OR REPLACE INTO morgue_settings(key, value) VALUES ('fts_deferred_after', 0);
    INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');)sql"));
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement index,
      db->Prepare("INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags) "
                  "SELECT id, title, subtitle, body, authors, tags FROM article_search_source "
                  "WHERE id > ?1 AND id <= ?2"));
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement grams,
      db->Prepare("UPDATE articles SET title_grams = ?2, subtitle_grams = ?3, body_grams = ?4 "
                  "WHERE id = ?1"));
  int64_t after = 0;
  int64_t done = 0;
  while (true) {
    // The chunk is read whole before its rows are written.
    struct Row {
      int64_t id;
      std::string title, subtitle, body;
    };
    std::vector<Row> chunk;
    {
      MORGUE_ASSIGN_OR_RETURN(
          sql::Statement next,
          db->Prepare("SELECT id, title, subtitle, body FROM articles WHERE id > ?1 ORDER BY id "
                      "LIMIT ?2"));
      next.Bind(1, after).Bind(2, int64_t{kUpgradeChunk});
      while (true) {
        MORGUE_ASSIGN_OR_RETURN(bool row, next.Step());
        if (!row) break;
        chunk.push_back({next.Int(0), next.Text(1), next.Text(2), next.Text(3)});
      }
    }
    if (chunk.empty()) break;
    for (const Row& row : chunk) {
      if (!HasCjkText(row.title) && !HasCjkText(row.subtitle) && !HasCjkText(row.body)) continue;
      grams.Bind(1, row.id);
      grams.BindTextOrNull(2, IndexGrams(row.title)).BindTextOrNull(3, IndexGrams(row.subtitle));
      grams.BindTextOrNull(4, IndexGrams(row.body));
      MORGUE_RETURN_IF_ERROR(grams.Run());
    }
    index.Bind(1, after).Bind(2, chunk.back().id);
    MORGUE_RETURN_IF_ERROR(index.Run());
    after = chunk.back().id;
    done += static_cast<int64_t>(chunk.size());
    progress.Update(done);
  }
  MORGUE_RETURN_IF_ERROR(db->Exec(
      "DELETE FROM morgue_settings WHERE key IN ('fts_deferred_after', 'search_index_after')"));
  MORGUE_RETURN_IF_ERROR(transaction.Commit());
  progress.Finish();
  return Status::OK();
}

}  // namespace morgue
