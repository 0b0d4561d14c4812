#include "export/text_out.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "core/joining_thread.h"

namespace newsgraph::exporter {

TextOut& TextOut::operator<<(int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  buffer_.append(buf, r.ptr);
  return *this;
}

TextOut& TextOut::number(double v) {
  if (!std::isfinite(v)) return *this << '0';
  if (v == std::trunc(v) && std::fabs(v) < 1e10 && !(v == 0 && std::signbit(v)))
    return *this << static_cast<int64_t>(v);  // digits as %.10g writes them
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.10g", v);
  buffer_.append(buf, static_cast<size_t>(n));
  return *this;
}

TextOut& TextOut::xml(std::string_view s) {
  size_t plain = 0;  // start of the run of characters that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 ? (c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') : (c == '\t' || c == '\n' || c == '\r'))
      continue;
    buffer_.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '&': buffer_ += "&amp;"; break;
      case '<': buffer_ += "&lt;"; break;
      case '>': buffer_ += "&gt;"; break;
      case '"': buffer_ += "&quot;"; break;
      case '\'': buffer_ += "&apos;"; break;
      default: break;  // a control character XML forbids: dropped
    }
  }
  buffer_.append(s.data() + plain, s.size() - plain);
  return *this;
}

TextOut& TextOut::json(std::string_view s) {
  buffer_.push_back('"');
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      buffer_.push_back('\\');
      buffer_.push_back(c);
    } else if (c == '\n') {
      buffer_ += "\\n";
    } else if (c == '\t') {
      buffer_ += "\\t";
    } else if (c == '\r') {
      buffer_ += "\\r";
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      buffer_ += buf;
    } else {
      buffer_.push_back(c);
    }
  }
  buffer_.push_back('"');
  return *this;
}

TextOut& TextOut::csv(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r;") != std::string_view::npos;
  if (!quote) return *this << s;
  buffer_.push_back('"');
  for (char c : s) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
  return *this;
}

TextOut& TextOut::dot(std::string_view s) {
  buffer_.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') buffer_.push_back('\\');
    if (c == '\n') {
      buffer_ += "\\n";
      continue;
    }
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
  return *this;
}

void TextOut::items(size_t count, const std::function<void(TextOut&, size_t)>& item) {
  const size_t chunks = (count + kChunkItems - 1) / kChunkItems;
  auto format = [&](TextOut& out, size_t chunk) {
    for (size_t i = chunk * kChunkItems, end = std::min(count, i + kChunkItems); i < end; ++i) item(out, i);
  };
  if (chunks <= 2) {
    for (size_t c = 0; c < chunks; ++c) format(*this, c);
    return;
  }
  // One slot passes each odd chunk from the helper to this thread, in order.
  std::mutex mutex;
  std::condition_variable changed;
  std::string slot;
  bool full = false, stopped = false;
  struct StopOnExit {  // an exception on this thread must not leave the helper waiting
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stopped;
    ~StopOnExit() {
      std::lock_guard<std::mutex> lock(mutex);
      stopped = true;
      changed.notify_all();
    }
  };
  JoiningThread helper([&] {
    for (size_t c = 1; c < chunks; c += 2) {
      TextOut aside;
      format(aside, c);
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return !full || stopped; });
      if (stopped) return;
      slot.swap(aside.buffer_);
      full = true;
      changed.notify_all();
    }
  });
  StopOnExit stop_on_exit{mutex, changed, stopped};  // destroyed before the helper is joined
  for (size_t c = 0; c < chunks; ++c) {
    if (c % 2 == 0) {
      format(*this, c);
      continue;
    }
    std::string ready;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return full; });
      ready.swap(slot);
      full = false;
      changed.notify_all();
    }
    if (out_ == nullptr) {
      buffer_ += ready;
    } else {  // straight to the stream, not through the buffer
      flush();
      out_->write(ready.data(), static_cast<std::streamsize>(ready.size()));
    }
  }
}

void TextOut::flush() {
  if (out_ == nullptr) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

Status TextOut::finish() {
  flush();
  if (out_ == nullptr) return Status::ok();
  out_->flush();
  if (!*out_) return Status::error(StatusCode::kIoError, "cannot write the export (disk full or closed output?)");
  return Status::ok();
}

}  // namespace newsgraph::exporter
