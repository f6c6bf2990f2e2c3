#include "sql.h"

namespace morgue::sql {

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::OK();
}

Status Statement::ForEachRow(const std::function<Status()>& row) {
  Status status;
  while (status.ok()) {
    Result<bool> stepped = Step();
    if (!stepped.ok()) {
      status = stepped.status();
    } else if (!*stepped) {
      break;
    } else {
      status = row();
    }
  }
  Reset();
  return status;
}

Result<Statement*> Database::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    MORGUE_ASSIGN_OR_RETURN(Statement prepared, Prepare(sql));
    it = cache_.emplace(sql, std::move(prepared)).first;
  }
  it->second.Reset();
  return &it->second;
}

Result<int64_t> Database::SelectId(const std::string& sql, std::string_view key) {
  MORGUE_ASSIGN_OR_RETURN(auto* stmt, Cached(sql));
  stmt->Bind(1, key);
  Result<bool> row = stmt->Step();
  int64_t id = row.ok() && *row ? stmt->Int(0) : 0;
  stmt->Reset();
  if (!row.ok()) return row.status();
  return id;
}

void Database::ResetCached() {
  for (auto& [sql, stmt] : cache_) stmt.Reset();
}

Transaction::~Transaction() {
  db_.ResetCached();
  if (open_) db_.Rollback();
}

Status Transaction::Begin() {
  MORGUE_RETURN_IF_ERROR(db_.BeginWrite());
  open_ = true;
  return Status::OK();
}

Status Transaction::Commit() {
  db_.ResetCached();
  MORGUE_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  open_ = false;
  return Status::OK();
}

}  // namespace morgue::sql
