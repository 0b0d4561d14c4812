// The file operations that make a store whole or absent: an SQLite database built under
// one name, synced, then renamed into place; and its leftovers removed. POSIX; internal
// to store/; thread-safe (no state).
#pragma once

#include <string>

namespace newsgraph::store {

// Whether anything exists at `path`.
bool exists(const std::string& path);

// Makes a file's contents (or, with `directory`, a directory's entries) durable; false
// when it cannot be opened or synced.
bool sync_path(const std::string& path, bool directory);

// The directory a path is in ("." for a bare name).
std::string directory_of(const std::string& path);

// Removes an SQLite database and its journal, WAL and shared-memory files, where present.
void remove_database_files(const std::string& path);

}  // namespace newsgraph::store
