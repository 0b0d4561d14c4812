#include "export/text_out.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/joining_thread.h"

namespace newsgraph::exporter {

void TextBuffer::grow(size_t n) {
  size_t capacity = std::max(size_ + n, capacity_ * 2);
  char* data = new char[capacity];  // not value-initialised: every byte is written first
  if (size_ > 0) std::memcpy(data, data_, size_);
  delete[] data_;
  data_ = data;
  capacity_ = capacity;
}

TextOut& TextOut::number(double v) {
  if (!std::isfinite(v)) return *this << '0';
  if (v == std::trunc(v) && std::fabs(v) < 1e10 && !(v == 0 && std::signbit(v)))
    return *this << static_cast<int64_t>(v);  // digits as %.10g writes them
  // to_chars with a precision formats as printf's %.10g does, without the locale.
  char* at = buffer_.end_with_room(32);
  buffer_.commit(static_cast<size_t>(std::to_chars(at, at + 32, v, std::chars_format::general, 10).ptr - at));
  return *this;
}

namespace {

// Which bytes need an XML escape or are control characters XML forbids (all below
// 0x20 but tab, newline and carriage return, which pass through the escape loop below).
struct XmlSpecial {
  bool byte[256] = {};
  constexpr XmlSpecial() {
    for (int c = 0; c < 0x20; ++c) byte[c] = true;
    for (char c : {'&', '<', '>', '"', '\''}) byte[static_cast<unsigned char>(c)] = true;
  }
};
constexpr XmlSpecial kXmlSpecial;

// How many bytes from the start of s[0, n) need no escape.
size_t plain_prefix(const char* s, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
  const __m128i quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\''), below_space = _mm_set1_epi8(0x1F);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, apos));
    // a byte below 0x20, unsigned: the byte equals min(byte, 0x1F)
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v));
    if (int mask = _mm_movemask_epi8(hit)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !kXmlSpecial.byte[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

TextOut& TextOut::xml(std::string_view s) {
  const char* p = s.data();
  size_t left = s.size();
  while (left > 0) {
    size_t plain = plain_prefix(p, left);
    buffer_.append(p, plain);
    if (plain == left) break;
    const char c = p[plain];
    switch (c) {
      case '&': *this << "&amp;"; break;
      case '<': *this << "&lt;"; break;
      case '>': *this << "&gt;"; break;
      case '"': *this << "&quot;"; break;
      case '\'': *this << "&apos;"; break;
      default:
        if (c == '\t' || c == '\n' || c == '\r') buffer_.push_back(c);
        break;  // any other control character XML forbids: dropped
    }
    p += plain + 1;
    left -= plain + 1;
  }
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
      *this << "\\n";
    } else if (c == '\t') {
      *this << "\\t";
    } else if (c == '\r') {
      *this << "\\r";
    } else if (u < 0x20) {
      char buf[8];
      int n = std::snprintf(buf, sizeof buf, "\\u%04x", u);
      buffer_.append(buf, static_cast<size_t>(n));
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
      *this << "\\n";
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
  TextBuffer slot;
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
    TextBuffer ready;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return full; });
      ready.swap(slot);
      full = false;
      changed.notify_all();
    }
    if (out_ == nullptr) {
      buffer_.append(ready.data(), ready.size());
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
