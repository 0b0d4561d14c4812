#include "ingest/document_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <sstream>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/dates.h"
#include "core/json_guard.h"
#include "core/utf8.h"
#include "ingest/feed_input.h"

namespace newsgraph::ingest {
namespace fs = std::filesystem;
namespace {

bool has_json_lines_extension(const std::string& path) {
  auto ext = fs::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

// The lines of `text` that hold more than white space, first `count` of them.
std::vector<std::string_view> leading_lines(std::string_view text, size_t count) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size() && lines.size() < count) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.push_back(line);
    pos = eol + 1;
  }
  return lines;
}

std::string first_line_title(std::string_view text) {
  const auto lines = leading_lines(text, 1);
  if (lines.empty()) return "";
  std::string_view line = lines[0];
  line.remove_prefix(line.find_first_not_of(" \t\r"));
  line.remove_suffix(line.size() - 1 - line.find_last_not_of(" \t\r"));
  return std::string(line);
}

std::string string_field(const rapidjson::Value& obj, const char* name) {
  if (!obj.HasMember(name)) return "";
  const auto& v = obj[name];
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  return "";
}

// Whether `text` is all valid UTF-8; ASCII runs go 8 bytes a test. utf8::first_invalid_byte
// is as strict as RapidJSON's encoding check (no overlong forms, surrogates or code points
// past U+10FFFF), so a line it passes would pass that check too.
bool is_valid_utf8(std::string_view text) {
  size_t ascii = 0;
  for (uint64_t word = 0; ascii + 8 <= text.size(); ascii += 8) {
    std::memcpy(&word, text.data() + ascii, 8);
    if (word & 0x8080808080808080u) break;
  }
  return !utf8::first_invalid_byte(text.substr(ascii));
}

}  // namespace

std::string plain_text_date(std::string_view text) {
  const auto lines = leading_lines(text, 2);
  if (lines.size() < 2) return "";
  if (auto date = dates::parse(lines[1])) return *date;
  if (auto date = dates::find_dateline(lines[1])) return *date;
  return "";
}

bool read_bounded_line(std::istream& in, size_t max, std::string* line, size_t* length) {
  line->clear();
  *length = 0;
  char buffer[1 << 16];
  for (bool read_any = false;; read_any = true) {
    in.getline(buffer, sizeof buffer);
    const auto got = static_cast<size_t>(in.gcount());
    size_t stored = got;
    bool ended = true;
    if (in.fail() && !in.eof() && got == sizeof buffer - 1) {
      in.clear();  // the buffer filled before the line ended
      ended = false;
    } else if (in.eof()) {
      if (got == 0 && !read_any) return false;
    } else if (in.fail()) {
      return read_any;
    } else {
      stored = got - 1;  // the '\n' was taken too
    }
    *length += stored;
    if (*length <= max) line->append(buffer, stored);
    if (ended) return true;
  }
}

void DocumentReader::skip(StatusCode code, const std::string& message) {
  if (callbacks_.on_skip) callbacks_.on_skip(Status::error(code, message));
}

bool DocumentReader::check_text(const std::string& data, const std::string& where) {
  if (data.find_first_not_of(" \t\r\n") == std::string::npos) {
    skip(StatusCode::kEmpty, where + ": empty, nothing to read");
    return false;
  }
  if (data.find('\0') != std::string::npos) {
    skip(StatusCode::kInvalidInput, where + ": binary data (NUL byte at " +
                                        std::to_string(data.find('\0')) + "), not a text article");
    return false;
  }
  if (auto bad = utf8::first_invalid_byte(data)) {
    skip(StatusCode::kInvalidInput, where + ": invalid UTF-8 at byte " + std::to_string(*bad));
    return false;
  }
  return true;
}

void DocumentReader::read(const std::string& input) {
  if (input == "-") {
    read_stdin();
    return;
  }
  std::error_code ec;
  auto status = fs::status(input, ec);
  if (ec || !fs::exists(status)) {
    skip(StatusCode::kNotFound, input + ": no such file or directory");
    return;
  }
  if (fs::is_directory(status)) {
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) skip(StatusCode::kIoError, input + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto name = fs::path(f).filename().string();
      if (!name.empty() && name[0] == '.') continue;
      read_file(f);
    }
    return;
  }
  read_file(input);
}

void DocumentReader::read_stdin() {
  // JSON Lines are read line by line as they come; an article no further than the limit.
  // Before it waits for more, the caller is told (on_wait).
  FeedInput feed(callbacks_.on_wait);
  std::istream in(&feed);
  int c = 0;
  while ((c = in.peek()) == ' ' || c == '\t' || c == '\r' || c == '\n') in.get();
  if (c == '{') {
    read_json_lines(in, "-");
    return;
  }
  std::string data;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    const auto got = static_cast<size_t>(in.gcount());
    if (data.size() + got > options_.max_article_bytes) {
      skip(StatusCode::kTooLarge, "-: standard input holds over the limit of " +
                                      std::to_string(options_.max_article_bytes) + " bytes for one article");
      return;
    }
    data.append(buffer, got);
  }
  read_text(std::move(data), "-");
}

void DocumentReader::read_file(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    skip(StatusCode::kIoError, path + ": " + ec.message());
    return;
  }
  if (has_json_lines_extension(path)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      skip(StatusCode::kIoError, path + ": cannot open");
      return;
    }
    read_json_lines(in, path);
    return;
  }
  if (size > options_.max_article_bytes) {
    skip(StatusCode::kTooLarge, path + ": " + std::to_string(size) + " bytes, over the limit of " +
                                    std::to_string(options_.max_article_bytes) + " for one article");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    skip(StatusCode::kIoError, path + ": cannot open");
    return;
  }
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  data.resize(static_cast<size_t>(in.gcount()));
  read_text(std::move(data), path);
}

void DocumentReader::read_text(std::string data, const std::string& name) {
  if (!check_text(data, name)) return;
  size_t first = data.find_first_not_of(" \t\r\n");
  if (data[first] == '{') {  // JSON Lines on standard input or in a .txt
    std::istringstream in(data);
    read_json_lines(in, name);
    return;
  }
  Document doc;
  doc.id = name == "-" ? "stdin" : fs::path(name).stem().string();
  doc.title = first_line_title(data);
  doc.published = plain_text_date(data);
  if (doc.published.empty()) doc.published = options_.default_published;
  doc.source = name;
  doc.text = std::move(data);
  if (callbacks_.on_document) callbacks_.on_document(doc, true);
}

void DocumentReader::read_json_lines(std::istream& in, const std::string& name) {
  std::string line;
  size_t line_no = 0, length = 0;
  // The parsed values of a line live in this buffer, reused line after line, and beyond it
  // (a larger line) in blocks the line's allocator frees: one 64 KB block a line,
  // allocated and freed, made the heap shrink and grow again.
  std::vector<char> value_room(1 << 16);
  for (;;) {
    if (callbacks_.stop && callbacks_.stop()) break;
    if (!read_bounded_line(in, options_.max_article_bytes, &line, &length)) break;
    ++line_no;
    std::string where = name + ":" + std::to_string(line_no);
    if (length > options_.max_article_bytes) {
      skip(StatusCode::kTooLarge, where + ": line of " + std::to_string(length) + " bytes, over the limit");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (auto problem = json_guard::check(line)) {
      skip(StatusCode::kInvalidInput, where + ": " + problem->reason + " at column " + std::to_string(problem->offset + 1));
      continue;
    }
    if (const size_t nul = line.find('\0'); nul != std::string::npos) {
      skip(StatusCode::kInvalidInput, where + ": malformed JSON at column " + std::to_string(nul + 1) + ": a NUL byte");
      continue;
    }
    // Parsed in place: strings are unescaped inside the line, not copied out of it first.
    // A line of valid UTF-8 spares the parser checking its strings' encoding.
    rapidjson::MemoryPoolAllocator<> values(value_room.data(), value_room.size());
    rapidjson::Document obj(&values);
    if (is_valid_utf8(line))
      obj.ParseInsitu(line.data());
    else
      obj.ParseInsitu<rapidjson::kParseValidateEncodingFlag>(line.data());
    if (obj.HasParseError()) {
      skip(StatusCode::kInvalidInput, where + ": malformed JSON at column " + std::to_string(obj.GetErrorOffset() + 1) +
                                          ": " + rapidjson::GetParseError_En(obj.GetParseError()));
      continue;
    }
    if (!obj.IsObject() || !obj.HasMember("text") || !obj["text"].IsString()) {
      skip(StatusCode::kInvalidInput, where + ": expected an object with a string \"text\"");
      continue;
    }
    Document doc;
    doc.text = string_field(obj, "text");
    if (doc.text.find('\0') != std::string::npos) {
      skip(StatusCode::kInvalidInput, where + ": text holds a NUL character");
      continue;
    }
    doc.id = string_field(obj, "id");
    if (doc.id.empty()) doc.id = fs::path(name).stem().string() + "-" + std::to_string(line_no);
    doc.title = string_field(obj, "title");
    doc.source = string_field(obj, "source");
    doc.url = string_field(obj, "url");
    doc.outlet = string_field(obj, "outlet");
    doc.category = string_field(obj, "category");
    if (doc.source.empty()) doc.source = doc.url;
    if (doc.source.empty()) doc.source = where;
    const std::string published =
        obj.HasMember("published") ? string_field(obj, "published") : string_field(obj, "date");
    if (auto date = dates::parse(published)) {
      doc.published = *date;
    } else {
      if (!published.empty() && callbacks_.on_notice)
        callbacks_.on_notice(Status::error(StatusCode::kInvalidInput,
                                           where + ": \"published\" is no date (\"" + published.substr(0, 40) +
                                               "\"); the article is read undated"));
      doc.published = options_.default_published;
    }
    if (callbacks_.on_document) callbacks_.on_document(doc, false);
  }
}

}  // namespace newsgraph::ingest
