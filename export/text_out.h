// Buffered text output for writers, with the escapes each format needs. Appends to a
// string and hands it to the stream in large blocks. Not thread-safe; `items` formats a
// long run of records on two threads itself.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsgraph::exporter {

class TextOut {
 public:
  explicit TextOut(std::ostream& out) : out_(&out) { buffer_.reserve(kBlock + 4096); }

  TextOut& operator<<(std::string_view s) {
    buffer_.append(s);
    if (buffer_.size() >= kBlock) flush();
    return *this;
  }
  TextOut& operator<<(char c) {
    buffer_.push_back(c);
    return *this;
  }
  TextOut& operator<<(int64_t v);
  TextOut& number(double v);  // shortest form that reads back the same, "0" for non-finite

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
  std::string buffer_;
};

}  // namespace newsgraph::exporter
