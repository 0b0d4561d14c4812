#include "store/hashing.h"

#include <cstdint>

#include "core/fnv.h"
#include "core/text.h"

namespace newsgraph::store {
namespace {

std::string to_hex(uint64_t h) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) hex[static_cast<size_t>(i)] = kDigits[h & 15];
  return hex;
}

}  // namespace

std::string hash_hex(std::string_view data) { return to_hex(fnv1a(data)); }

std::string content_hash(std::string_view text) { return hash_hex(text); }

std::optional<int64_t> sentence_hash(std::string_view sentence) {
  constexpr size_t kMinLetters = 24;
  std::string folded = text::fold_key(sentence);
  std::string compact;
  compact.reserve(folded.size());
  for (char c : folded)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
      compact.push_back(c);
  if (compact.size() < kMinLetters) return std::nullopt;
  return static_cast<int64_t>(fnv1a(compact));
}

std::optional<int64_t> hash_of_hex(std::string_view hex) {
  if (hex.size() != 16) return std::nullopt;
  uint64_t h = 0;
  for (char c : hex) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    h = h << 4 | static_cast<uint64_t>(digit);
  }
  return static_cast<int64_t>(h);
}

}  // namespace newsgraph::store
