// The file operations std::filesystem lacks that make a store whole or absent: syncing
// a database built under one name before it is renamed into place, and removing its
// leftovers. POSIX; internal to store/; thread-safe (no state).
#pragma once

#include <string>

namespace newsgraph::store {

// Makes a file's contents (or, with `directory`, a directory's entries) durable; false
// when it cannot be opened or synced.
bool sync_path(const std::string& path, bool directory);

// Removes an SQLite database and its journal, WAL and shared-memory files, where present.
void remove_database_files(const std::string& path);

}  // namespace newsgraph::store
