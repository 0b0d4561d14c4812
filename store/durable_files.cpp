// Files a store is built in and renamed from: see durable_files.h.
#include "store/durable_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

namespace newsgraph::store {

bool sync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

void remove_database_files(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

}  // namespace newsgraph::store
