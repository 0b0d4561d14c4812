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

// Eight bytes as a little-endian number, wherever they sit.
uint64_t load_le64(const unsigned char* p) {
  uint64_t v = 0;
  for (int k = 7; k >= 0; --k) v = v << 8 | p[k];
  return v;
}

uint64_t rotate_left(uint64_t v, int bits) { return v << bits | v >> (64 - bits); }

// Spreads every bit of `v` over all 64 (a multiply-xorshift finaliser).
uint64_t avalanche(uint64_t v) {
  v ^= v >> 33;
  v *= 0xff51afd7ed558ccdull;
  v ^= v >> 33;
  v *= 0xc4ceb9fe1a85ec53ull;
  v ^= v >> 33;
  return v;
}

constexpr uint64_t kOdd1 = 0x87c37b91114253d5ull, kOdd2 = 0x4cf5ad432745937full;

// A word's bits spread before it joins a lane.
uint64_t scramble(uint64_t word, uint64_t first, uint64_t second, int rotation) {
  return rotate_left(word * first, rotation) * second;
}

}  // namespace

std::string hash_hex(std::string_view data) { return to_hex(fnv1a(data)); }

std::string content_hash(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Two lanes, each fed one half of every 16 bytes, with no step waiting on the other.
  uint64_t a = 0x9e3779b97f4a7c15ull, b = 0x6a09e667f3bcc909ull;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    a ^= scramble(load_le64(p + i), kOdd1, kOdd2, 31);
    a = rotate_left(a, 27) * 5 + 0x52dce729;
    b ^= scramble(load_le64(p + i + 8), kOdd2, kOdd1, 33);
    b = rotate_left(b, 31) * 5 + 0x38495ab5;
  }
  unsigned char tail[16] = {};  // the last 0-15 bytes, zero-padded; the length tells them apart
  for (size_t k = 0; i + k < n; ++k) tail[k] = p[i + k];
  a ^= scramble(load_le64(tail), kOdd1, kOdd2, 31);
  b ^= scramble(load_le64(tail + 8), kOdd2, kOdd1, 33);
  a ^= n;
  b ^= n;
  a += b;
  b += a;
  a = avalanche(a);
  b = avalanche(b);
  a += b;
  b += a;
  return to_hex(a) + to_hex(b);
}

std::string legacy_content_hash(std::string_view text) { return hash_hex(text); }

// FNV-1a over the letters and digits of the sentence's fold_key (text::is_alnum_byte), fed
// as the fold walks the text: no folded copy.
std::optional<int64_t> sentence_hash(std::string_view sentence) {
  constexpr size_t kMinLetters = 24;
  uint64_t h = kFnvOffset;
  size_t kept = 0;
  text::for_each_folded_byte(
      sentence,
      [&](char c) {
        if (!text::is_alnum_byte(c)) return;
        h ^= static_cast<unsigned char>(c);
        h *= kFnvPrime;
        ++kept;
      },
      [] {});
  if (kept < kMinLetters) return std::nullopt;
  return static_cast<int64_t>(h);
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
