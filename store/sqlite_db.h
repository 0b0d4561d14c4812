// A thin RAII layer over SQLite for the store module: a connection and cached
// prepared statements with typed binds and reads. Internal to store/ (and graph/'s
// loaders); public headers never expose it. One Db per thread (SQLite connections are
// not shared here).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_context;
struct sqlite3_value;

namespace newsgraph::store {

class WriterMemo;
class RelationTally;

// A cached prepared statement in use. Move-only; going out of scope resets it, so no
// half-read query keeps a read transaction open (which would stop WAL checkpoints).
class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds are 1-based like SQLite's. Strings are copied by SQLite.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_blob(int index, std::string_view bytes);
  // The same, read in place, not copied: for the writer's hot statements. `value` must stay
  // alive and unchanged until the statement has run to its end (run(), or the last step())
  // or is reset: a variable that outlives it, or a temporary of the one expression that
  // binds and runs it (db.prepare(...).bind_kept(1, f()).run()).
  Statement& bind_kept(int index, std::string_view value);
  Statement& bind_blob_kept(int index, std::string_view bytes);

  // Advances; true while a row is available. Throws StoreError on failure.
  bool step();
  // Runs to completion, ignoring rows.
  void run();

  int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string_view column_view(int index) const;  // valid until the next step
  std::string_view column_blob(int index) const;  // the same, for a BLOB

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Thrown inside store/ (and graph/'s loaders) only; Store and the loaders turn it into
// a Status at their boundary.
struct StoreError {
  std::string message;
  bool busy = false;  // another connection held a lock past the wait (SQLITE_BUSY)
};

// The Status a StoreError becomes: kBusy when another writer held the store, else
// kIoError; the message starts with `where` (the store's path).
Status store_error_status(const std::string& where, const StoreError& e);

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens (creating when `create`) the database at `path`.
  Status open(const std::string& path, bool create, bool read_only);
  // How long a statement waits for a lock another connection holds before it fails with
  // SQLITE_BUSY (StoreError::busy); kDefaultLockWaitMs from open().
  static constexpr int kDefaultLockWaitMs = 10000;
  void set_lock_wait(int milliseconds);
  void close();
  bool is_open() const { return db_ != nullptr; }

  // Runs one or more statements with no results. Throws StoreError.
  void exec(const char* sql);
  // A prepared statement cached by the address of its SQL text (pass string literals),
  // reset and ready to bind. Do not run the same SQL re-entrantly.
  Statement prepare(const char* sql);
  // The same for SQL built at run time, cached by its text.
  Statement prepare(const std::string& sql);
  bool in_transaction() const;  // inside BEGIN ... COMMIT
  int64_t last_insert_id() const;
  // Sets what last_insert_id() returns until the next INSERT (0: none since), so a caller
  // can tell whether an UPSERT inserted.
  void set_last_insert_id(int64_t id);
  int changes() const;

  // Defines a deterministic SQL scalar function of `arity` arguments on this connection.
  using ScalarFunction = void (*)(sqlite3_context*, int, sqlite3_value**);
  void define_function(const char* name, int arity, ScalarFunction function);

  // SQL run inside every transaction just before it commits (work that is cheaper once
  // per transaction than once per article); "" for none.
  void set_before_commit(std::string sql) { before_commit_ = std::move(sql); }
  // Runs that SQL, then COMMIT.
  void commit();

  // The writer's memo of the keys it stores (writer_memo.h), owned by its Store; nullptr
  // on a connection without one, whose look-ups all go to SQL.
  void set_memo(WriterMemo* memo) { memo_ = memo; }
  WriterMemo* memo() const { return memo_; }
  // Where a writer that keeps relation counts in memory (relation_tally.h) keeps them;
  // nullptr on a connection that writes relations at once.
  void set_tally(RelationTally* tally) { tally_ = tally; }
  RelationTally* tally() const { return tally_; }

 private:
  sqlite3* db_ = nullptr;
  void* profile_ = nullptr;  // see sql_profile.h
  std::string before_commit_;
  WriterMemo* memo_ = nullptr;
  RelationTally* tally_ = nullptr;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
  std::unordered_map<std::string, sqlite3_stmt*> text_cache_;
};

// BEGIN IMMEDIATE; commits on commit(), rolls back in the destructor otherwise.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace newsgraph::store
