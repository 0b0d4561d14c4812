// Buffered text output for writers, with the escapes each format needs. Appends to a
// buffer and hands it to the stream in large blocks. Not thread-safe; `items` formats a
// long run of records on two threads itself.
#pragma once

#include <charconv>
#include <cstring>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsgraph::exporter {

// A growable run of bytes whose appends are inlined: writers append millions of short
// pieces, and std::string's out-of-line append was a tenth of an export's time.
class TextBuffer {
 public:
  TextBuffer() = default;
  TextBuffer(TextBuffer&& other) noexcept { swap(other); }
  TextBuffer& operator=(TextBuffer&& other) noexcept {
    swap(other);
    return *this;
  }
  ~TextBuffer() { delete[] data_; }

  // Room for n more bytes after the last; commit(k) then counts k of them written.
  char* end_with_room(size_t n) {
    if (capacity_ - size_ < n) grow(n);
    return data_ + size_;
  }
  void commit(size_t n) { size_ += n; }
  void append(const char* s, size_t n) {
    if (n == 0) return;  // s may be null then
    std::memcpy(end_with_room(n), s, n);
    size_ += n;
  }
  void push_back(char c) {
    *end_with_room(1) = c;
    ++size_;
  }
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  void clear() { size_ = 0; }
  void reserve(size_t n) { end_with_room(n); }
  void swap(TextBuffer& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

 private:
  void grow(size_t n);
  char* data_ = nullptr;
  size_t size_ = 0, capacity_ = 0;
};

class TextOut {
 public:
  explicit TextOut(std::ostream& out) : out_(&out) { buffer_.reserve(kBlock + 4096); }

  TextOut& operator<<(std::string_view s) {
    buffer_.append(s.data(), s.size());
    if (buffer_.size() >= kBlock && out_ != nullptr) flush();
    return *this;
  }
  template <size_t N>  // a literal: its length is known here
  TextOut& operator<<(const char (&literal)[N]) {
    buffer_.append(literal, N - 1);
    if (buffer_.size() >= kBlock && out_ != nullptr) flush();
    return *this;
  }
  TextOut& operator<<(char c) {
    buffer_.push_back(c);
    return *this;
  }
  TextOut& operator<<(int64_t v) {
    char* at = buffer_.end_with_room(24);
    buffer_.commit(static_cast<size_t>(std::to_chars(at, at + 24, v).ptr - at));
    return *this;
  }
  TextOut& number(double v);  // as %.10g writes it, "0" for non-finite

  TextOut& xml(std::string_view s);   // & < > " ' escaped; characters XML forbids dropped
  TextOut& json(std::string_view s);  // a JSON string with its quotes
  TextOut& csv(std::string_view s);   // a CSV field, quoted when needed
  TextOut& dot(std::string_view s);   // a DOT quoted string with its quotes

  // Writes item(out, i) for i in [0, count), in order. Above two chunks of records the
  // odd chunks are formatted on a second thread while this one formats the even ones
  // and writes; at most three chunks are in memory at once, so large graphs still stream.
  void items(size_t count, const std::function<void(TextOut&, size_t)>& item);

  // Writes what is buffered; kIoError when the stream has failed.
  Status finish();

 private:
  static constexpr size_t kBlock = 1 << 20;
  static constexpr size_t kChunkItems = 2048;
  TextOut() = default;  // keeps everything in buffer_, for a chunk formatted aside
  void flush();
  std::ostream* out_ = nullptr;
  TextBuffer buffer_;
};

}  // namespace newsgraph::exporter
