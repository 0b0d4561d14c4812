// `newsgraph extract`: articles in, one JSON object (or a text report) per article out.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "cli/ordered_pool.h"
#include "cli/progress.h"
#include "core/extraction_format.h"
#include "ingest/document_reader.h"
#include "ingest/pipeline.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph extract [--format jsonl|text] [--gazetteer FILE]... [--cues FILE]...\n"
    "                        [FILE|DIR|-]...\n"
    "\n"
    "Reads plain-text articles (first non-empty line is the title, an optional date line\n"
    "under it), folders of them\n"
    "(recursively), JSON Lines files (.jsonl/.json: {\"id\",\"title\",\"text\",\"source\",\n"
    "\"published\"} a line) or standard input ('-', the default), and prints what it finds.\n"
    "\n"
    "options:\n"
    "  --format jsonl|text   one JSON object per article (default) or a readable report\n"
    "  --gazetteer FILE      add entities and aliases from a JSON file (repeatable)\n"
    "  --cues FILE           add relation cues from a file in the data/cues.txt format\n"
    "                        (repeatable; its entries are tried before the built-in ones)\n"
    "  --max-bytes N         skip articles larger than N bytes (default 33554432)\n"
    "  --published DATE      date (YYYY-MM-DD) of articles that carry none of their own\n"
    "  --jobs N              extract on N threads (default: the machine's cores); the\n"
    "                        output is the same, in input order, whatever N\n"
    "  --quiet               do not report skipped inputs on standard error\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 some inputs were skipped (each named on stderr), 2 usage error,\n"
    "3 failure (e.g. an unreadable gazetteer or a malformed cue file, named with its line).\n";

struct ExtractFlags {
  bool text = false;
  bool quiet = false;
  size_t jobs = default_jobs();
  ingest::ExtractorOptions extractor;
  ingest::ReadOptions read;
  std::vector<std::string> inputs;
};

// Parses flags; returns kExitOk, -1 after --help, or the exit code to stop with.
int parse(const std::vector<std::string>& args, ExtractFlags& flags) {
  FlagReader f("extract", args);
  std::string v;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return -1;
    } else if (f.is("--format")) {
      if (!f.value(&v)) return kExitUsage;
      if (v != "jsonl" && v != "text" && v != "json")
        return f.usage_error("--format must be jsonl or text, not '" + v + "'");
      flags.text = v == "text";
    } else if (f.is("--published")) {
      if (!f.date(&flags.read.default_published)) return kExitUsage;
    } else if (f.is("--gazetteer")) {
      if (!f.value(&v)) return kExitUsage;
      flags.extractor.gazetteer_files.push_back(v);
    } else if (f.is("--cues")) {
      if (!f.value(&v)) return kExitUsage;
      flags.extractor.cue_files.push_back(v);
    } else if (f.is("--max-bytes")) {
      if (!f.number(&flags.read.max_article_bytes)) return kExitUsage;
    } else if (f.is("--jobs")) {
      if (!f.jobs(&flags.jobs)) return kExitUsage;
    } else if (f.is("--quiet")) {
      flags.quiet = true;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else {
      flags.inputs.push_back(f.arg());
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
  ingest::ReadCallbacks callbacks;
  struct Job {
    Document doc;
    bool title_in_text = false;
  };
  struct Done {
    Status status;
    std::string output;  // the article's JSON line or text report
    size_t bytes = 0;
  };
  OrderedPool<Job, Done> pool(
      flags.jobs,
      [&](Job& job) {  // on a worker
        Done done;
        done.bytes = job.doc.text.size();
        Extraction x;
        done.status = extractor.try_extract(job.doc, job.title_in_text, &x);
        if (!done.status.is_ok()) return done;
        if (flags.text) {
          std::ostringstream report;
          write_extraction_text(x, report);
          done.output = report.str();
        } else {
          append_extraction_json(x, done.output);
          done.output.push_back('\n');
        }
        return done;
      },
      [&](Done& done) {  // in input order
        if (!done.status.is_ok()) {
          callbacks.on_skip(done.status);
          return;
        }
        std::cout.write(done.output.data(), static_cast<std::streamsize>(done.output.size()));
        progress.advance(done.bytes);
      });
  callbacks.on_document = [&](Document& doc, bool title_in_text) {
    pool.submit(Job{std::move(doc), title_in_text});
  };
  callbacks.on_skip = [&](const Status& s) {
    ++skipped;
    if (!flags.quiet) std::fprintf(stderr, "newsgraph extract: skipped %s (%s)\n", s.message().c_str(), status_code_name(s.code()));
  };
  callbacks.on_notice = [&](const Status& s) {
    if (!flags.quiet) std::fprintf(stderr, "newsgraph extract: note: %s\n", s.message().c_str());
  };
  ingest::DocumentReader reader(flags.read, callbacks);
  for (const auto& input : flags.inputs) reader.read(input);
  pool.finish();
  progress.finish();
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "newsgraph extract: cannot write to standard output\n");
    return kExitFailure;
  }
  return skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace newsgraph::cli
