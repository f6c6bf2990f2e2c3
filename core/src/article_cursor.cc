// Archive::Select: the cursor exporters pull articles from, one at a time.

#include "archive_impl.h"

namespace morgue {
namespace {

class SelectCursor : public ArticleCursor {
 public:
  SelectCursor(Archive::Impl* archive, sql::Statement stmt, Filter filter)
      : archive_(archive), stmt_(std::move(stmt)), filter_(std::move(filter)) {}

  bool Next(Article* article) override {
    if (done_) return false;
    Result<bool> row = stmt_.Step();
    if (!row.ok() || !*row) {
      if (!row.ok()) status_ = QueryError(filter_, row.status());
      done_ = true;
      stmt_.Reset();
      return false;
    }
    Result<Article> loaded = archive_->Load(stmt_.Int(0));
    if (!loaded.ok()) {
      status_ = loaded.status();
      done_ = true;
      return false;
    }
    *article = std::move(loaded).value();
    return true;
  }

  Status status() const override { return status_; }

 private:
  Archive::Impl* archive_;
  sql::Statement stmt_;
  Filter filter_;
  Status status_;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<ArticleCursor>> Archive::Select(const Filter& filter) {
  Result<sql::Statement> stmt = impl_->PrepareSelect(filter, false, {});
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  return std::unique_ptr<ArticleCursor>(
      new SelectCursor(impl_.get(), std::move(stmt).value(), filter));
}

}  // namespace morgue
