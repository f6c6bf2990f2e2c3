// Work migrations leave for morgue's code on the articles archived before them
// (Archive::Impl::RunArchivedUpgrade), and the CJK grams of migration 11.

#include <chrono>
#include <optional>
#include <string>

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
  using Clock = std::chrono::steady_clock;
  Clock::time_point last_report;
  int64_t done = 0;
  const auto report = [&](bool last) {
    if (!on_upgrade_progress) return;
    const Clock::time_point now = Clock::now();
    if (!last && now - last_report < std::chrono::milliseconds(200)) return;
    last_report = now;
    on_upgrade_progress(upgrade.task, last ? total : done, total);
  };
  report(false);
  while (true) {
    sql::Transaction transaction(*db);
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    // Read again inside the transaction: another process may be upgrading too.
    MORGUE_ASSIGN_OR_RETURN(std::optional<int64_t> after, UpgradeMark(*db, upgrade.mark_key));
    if (!after) {
      report(true);
      return transaction.Commit();
    }
    MORGUE_ASSIGN_OR_RETURN(sql::Statement next, db->Prepare(std::string(upgrade.select_sql)));
    next.Bind(1, *after).Bind(2, int64_t{kUpgradeChunk});
    int rows = 0;
    int64_t last_id = *after;
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(bool row, next.Step());
      if (!row) break;
      ++rows;
      last_id = next.Int(0);
      MORGUE_RETURN_IF_ERROR(upgrade.visit(next));
    }
    if (rows < kUpgradeChunk) {
      MORGUE_ASSIGN_OR_RETURN(auto* drop, db->Cached("DELETE FROM morgue_settings WHERE key = ?1"));
      drop->Bind(1, upgrade.mark_key);
      MORGUE_RETURN_IF_ERROR(drop->Run());
    } else {
      MORGUE_ASSIGN_OR_RETURN(auto* mark,
                              db->Cached("UPDATE morgue_settings SET value = ?2 WHERE key = ?1"));
      mark->Bind(1, upgrade.mark_key).Bind(2, last_id);
      MORGUE_RETURN_IF_ERROR(mark->Run());
    }
    MORGUE_RETURN_IF_ERROR(transaction.Commit());
    done += rows;
    report(false);
  }
}

Status Archive::Impl::GramArchivedArticles() {
  return RunArchivedUpgrade({
      .mark_key = "search_grams_after",
      .task = "indexing Korean, Japanese and Chinese text",
      .select_sql = "SELECT id, title, subtitle, body FROM articles WHERE id > ?1 ORDER BY id "
                    "LIMIT ?2",
      .visit = [this](sql::Statement& row) -> Status {
        const std::string title = row.Text(1);
        const std::string subtitle = row.Text(2);
        const std::string body = row.Text(3);
        if (!HasCjkText(title) && !HasCjkText(subtitle) && !HasCjkText(body)) {
          return Status::OK();
        }
        // The update's trigger indexes the article again, with its grams.
        MORGUE_ASSIGN_OR_RETURN(auto* update,
                                db->Cached("UPDATE articles SET title_grams = ?2, "
                                           "subtitle_grams = ?3, body_grams = ?4 WHERE id = ?1"));
        update->Bind(1, row.Int(0));
        update->BindTextOrNull(2, IndexGrams(title)).BindTextOrNull(3, IndexGrams(subtitle));
        update->BindTextOrNull(4, IndexGrams(body));
        return update->Run();
      },
  });
}

}  // namespace morgue
