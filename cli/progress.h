// Progress on standard error, drawn only when standard error is a terminal and at most
// five times a second: one line of articles, MB and MB/s for ingest and extract, and
// one line naming the stage of a longer job (export) with the MB it has written.
// Not thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace newsgraph::cli {

class Progress {
 public:
  explicit Progress(size_t total_bytes = 0);
  void advance(size_t bytes);  // one more article of `bytes` bytes
  void finish();               // clears the line

 private:
  bool enabled_;
  size_t total_bytes_;
  size_t articles_ = 0;
  size_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// "newsgraph export: writing graph.graphml  312.4 MB  4.1 s": each stage replaces the
// last; bytes() updates the current one.
class StageLine {
 public:
  explicit StageLine(std::string command);
  void stage(std::string what);
  void bytes(size_t written);
  void finish();  // clears the line

 private:
  void draw();
  bool enabled_;
  std::string command_, stage_;
  size_t bytes_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// "newsgraph merge: 1200/25000 articles  3.1 s  ETA 61 s": for a job that knows how many
// things it will do.
class CountLine {
 public:
  CountLine(std::string command, std::string things);
  void done(size_t count, size_t total);
  void finish();  // clears the line

 private:
  bool enabled_;
  std::string command_, things_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace newsgraph::cli
