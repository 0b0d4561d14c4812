#include "core/interned.h"

#include <mutex>
#include <string>
#include <unordered_set>

namespace newsgraph {

std::string_view intern(std::string_view text) {
  // Nodes of an unordered_set never move, so a view of a kept string stays valid while
  // the set grows. Never destroyed: views handed out may be read during exit.
  static std::mutex* lock = new std::mutex;
  static auto* kept = new std::unordered_set<std::string>;
  std::lock_guard<std::mutex> hold(*lock);
  return *kept->emplace(text).first;
}

}  // namespace newsgraph
