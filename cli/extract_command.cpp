// `newsgraph extract`: articles in, one JSON object (or a text report) per article out.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "core/extraction_format.h"
#include "ingest/document_reader.h"
#include "ingest/pipeline.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph extract [--format jsonl|text] [--gazetteer FILE]... [FILE|DIR|-]...\n"
    "\n"
    "Reads plain-text articles (first non-empty line is the title), folders of them\n"
    "(recursively), JSON Lines files (.jsonl/.json: {\"id\",\"title\",\"text\",\"source\",\n"
    "\"published\"} a line) or standard input ('-', the default), and prints what it finds.\n"
    "\n"
    "options:\n"
    "  --format jsonl|text   one JSON object per article (default) or a readable report\n"
    "  --gazetteer FILE      add entities and aliases from a JSON file (repeatable)\n"
    "  --max-bytes N         skip articles larger than N bytes (default 33554432)\n"
    "  --quiet               do not report skipped inputs on standard error\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 some inputs were skipped (each named on stderr), 2 usage error,\n"
    "3 failure (e.g. an unreadable gazetteer).\n";

struct ExtractFlags {
  bool text = false;
  bool quiet = false;
  ingest::ExtractorOptions extractor;
  ingest::ReadOptions read;
  std::vector<std::string> inputs;
};

// Parses flags; returns kExitOk, or the exit code to stop with.
int parse(const std::vector<std::string>& args, ExtractFlags& flags) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "newsgraph extract: %s needs a value\n", name);
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return -1;
    } else if (a == "--format") {
      const std::string* v = value("--format");
      if (!v) return kExitUsage;
      if (*v != "jsonl" && *v != "text" && *v != "json") {
        std::fprintf(stderr, "newsgraph extract: --format must be jsonl or text, not '%s'\n", v->c_str());
        return kExitUsage;
      }
      flags.text = *v == "text";
    } else if (a == "--gazetteer") {
      const std::string* v = value("--gazetteer");
      if (!v) return kExitUsage;
      flags.extractor.gazetteer_files.push_back(*v);
    } else if (a == "--max-bytes") {
      const std::string* v = value("--max-bytes");
      if (!v) return kExitUsage;
      try {
        flags.read.max_article_bytes = std::stoull(*v);
      } catch (...) {
        std::fprintf(stderr, "newsgraph extract: --max-bytes takes a number of bytes\n");
        return kExitUsage;
      }
    } else if (a == "--quiet") {
      flags.quiet = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "newsgraph extract: unknown option '%s'\n%s", a.c_str(), kHelp);
      return kExitUsage;
    } else {
      flags.inputs.push_back(a);
    }
  }
  if (flags.inputs.empty()) flags.inputs.push_back("-");
  return kExitOk;
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  ExtractFlags flags;
  int code = parse(args, flags);
  if (code == -1) return kExitOk;
  if (code != kExitOk) return code;
  ingest::Extractor extractor;
  Status st = ingest::Extractor::create(flags.extractor, &extractor);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph extract: %s\n", st.message().c_str());
    return kExitFailure;
  }
  size_t skipped = 0;
  Progress progress;
  std::string line;
  ingest::ReadCallbacks callbacks;
  callbacks.on_document = [&](const Document& doc, bool title_in_text) {
    Extraction x = extractor.extract(doc, title_in_text);
    if (flags.text) {
      write_extraction_text(x, std::cout);
    } else {
      line.clear();
      append_extraction_json(x, line);
      line.push_back('\n');
      std::cout.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    progress.advance(doc.text.size());
  };
  callbacks.on_skip = [&](const Status& s) {
    ++skipped;
    if (!flags.quiet) std::fprintf(stderr, "newsgraph extract: skipped %s (%s)\n", s.message().c_str(), status_code_name(s.code()));
  };
  ingest::DocumentReader reader(flags.read, callbacks);
  for (const auto& input : flags.inputs) reader.read(input);
  progress.finish();
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "newsgraph extract: cannot write to standard output\n");
    return kExitFailure;
  }
  return skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace newsgraph::cli
