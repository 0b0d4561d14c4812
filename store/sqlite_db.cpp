#include "store/sqlite_db.h"

#include <sqlite3.h>

#include "store/sql_profile.h"

namespace newsgraph::store {
namespace {

bool is_busy(int rc) { return (rc & 0xff) == SQLITE_BUSY; }

[[noreturn]] void fail(sqlite3* db, const char* what) {
  throw StoreError{std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no database"),
                   db && is_busy(sqlite3_errcode(db))};
}

}  // namespace

void Db::set_lock_wait(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

Status store_error_status(const std::string& where, const StoreError& e) {
  return Status::error(e.busy ? StatusCode::kBusy : StatusCode::kIoError, where + ": " + e.message);
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_reset(stmt_);
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_reset(stmt_);
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_kept(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  return *this;
}

Statement& Statement::bind_blob_kept(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(sqlite3_db_handle(stmt_), "query failed");
}

void Statement::run() {
  while (step()) {
  }
}


int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const { return std::string(column_view(index)); }

std::string_view Statement::column_view(int index) const {
  const unsigned char* p = sqlite3_column_text(stmt_, index);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::string_view Statement::column_blob(int index) const {
  const void* p = sqlite3_column_blob(stmt_, index);
  if (!p) return {};
  return std::string_view(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}

namespace {
// Process-wide settings, made before SQLite initialises: no memory statistics, whose
// global mutex every allocation of every connection would otherwise take.
void configure_sqlite_once() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}
}  // namespace

Db::~Db() { close(); }

Status Db::open(const std::string& path, bool create, bool read_only) {
  configure_sqlite_once();
  close();
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = path + ": cannot open store (" +
                          (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)) + ")";
    close();
    return Status::error(rc == SQLITE_CANTOPEN ? StatusCode::kNotFound : StatusCode::kIoError,
                         message);
  }
  sqlite3_busy_timeout(db_, kDefaultLockWaitMs);
  profile_ = start_sql_profile(db_);
  return Status::ok();
}

void Db::close() {
  for (auto& entry : cache_) sqlite3_finalize(entry.second);
  cache_.clear();
  for (auto& entry : text_cache_) sqlite3_finalize(entry.second);
  text_cache_.clear();
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
  print_sql_profile(profile_);
  profile_ = nullptr;
}

void Db::exec(const char* sql) {
  char* error = nullptr;
  if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error); rc != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError{message, is_busy(rc)};
  }
}

void Db::define_function(const char* name, int arity, ScalarFunction function) {
  if (sqlite3_create_function_v2(db_, name, arity, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                 function, nullptr, nullptr, nullptr) != SQLITE_OK)
    throw StoreError{std::string("cannot define SQL function ") + name + ": " + sqlite3_errmsg(db_)};
}

Statement Db::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      fail(db_, "cannot prepare statement");
    it = cache_.emplace(sql, stmt).first;
  }
  sqlite3_reset(it->second);
  sqlite3_clear_bindings(it->second);
  return Statement(it->second);
}

Statement Db::prepare(const std::string& sql) {
  auto it = text_cache_.find(sql);
  if (it == text_cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      fail(db_, "cannot prepare statement");
    it = text_cache_.emplace(sql, stmt).first;
  }
  sqlite3_reset(it->second);
  sqlite3_clear_bindings(it->second);
  return Statement(it->second);
}

bool Db::in_transaction() const { return db_ && sqlite3_get_autocommit(db_) == 0; }

int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Db::set_last_insert_id(int64_t id) { sqlite3_set_last_insert_rowid(db_, id); }

int Db::changes() const { return sqlite3_changes(db_); }


Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const StoreError&) {
  }
}

void Db::commit() {
  if (!before_commit_.empty()) exec(before_commit_.c_str());
  exec("COMMIT");
}

void Transaction::commit() {
  db_.commit();
  done_ = true;
}

}  // namespace newsgraph::store
