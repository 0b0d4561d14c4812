#include "export/text_out.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace newsgraph::exporter {

TextOut& TextOut::operator<<(int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  buffer_.append(buf, r.ptr);
  return *this;
}

TextOut& TextOut::number(double v) {
  if (!std::isfinite(v)) return *this << '0';
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.10g", v);
  buffer_.append(buf, static_cast<size_t>(n));
  return *this;
}

TextOut& TextOut::xml(std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': buffer_ += "&amp;"; break;
      case '<': buffer_ += "&lt;"; break;
      case '>': buffer_ += "&gt;"; break;
      case '"': buffer_ += "&quot;"; break;
      case '\'': buffer_ += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        buffer_.push_back(c);
    }
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

void TextOut::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

Status TextOut::finish() {
  flush();
  out_.flush();
  if (!out_) return Status::error(StatusCode::kIoError, "cannot write the export (disk full or closed output?)");
  return Status::ok();
}

}  // namespace newsgraph::exporter
