#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <utility>

namespace newsgraph::cli {

Progress::Progress(size_t total_bytes)
    : enabled_(isatty(STDERR_FILENO) == 1), total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void Progress::advance(size_t bytes) {
  ++articles_;
  bytes_ += bytes;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb = bytes_ / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  if (total_bytes_ > 0 && rate > 0) {
    double eta = (total_bytes_ / 1e6 - mb) / rate;
    std::fprintf(stderr, "\r%zu articles  %.1f/%.1f MB  %.1f MB/s  %.0f art/s  ETA %.0fs   ", articles_, mb,
                 total_bytes_ / 1e6, rate, articles_ / seconds, eta > 0 ? eta : 0);
  } else {
    std::fprintf(stderr, "\r%zu articles  %.1f MB  %.1f MB/s  %.0f art/s   ", articles_, mb, rate,
                 seconds > 0 ? articles_ / seconds : 0);
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && articles_ > 0) std::fprintf(stderr, "\r%60s\r", "");
}

StageLine::StageLine(std::string command)
    : enabled_(isatty(STDERR_FILENO) == 1), command_(std::move(command)),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void StageLine::stage(std::string what) {
  stage_ = std::move(what);
  bytes_ = 0;
  start_ = std::chrono::steady_clock::now();
  draw();
}

void StageLine::bytes(size_t written) {
  bytes_ = written;
  if (std::chrono::steady_clock::now() - last_draw_ >= std::chrono::milliseconds(200)) draw();
}

void StageLine::draw() {
  if (!enabled_) return;
  last_draw_ = std::chrono::steady_clock::now();
  double seconds = std::chrono::duration<double>(last_draw_ - start_).count();
  std::string line = command_ + ": " + stage_;
  char figures[64];
  if (bytes_ > 0) {
    std::snprintf(figures, sizeof figures, "  %.1f MB  %.1f s", bytes_ / 1e6, seconds);
    line += figures;
  }
  std::fprintf(stderr, "\r%-78s", line.substr(0, 78).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void StageLine::finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r%78s\r", "");
  drawn_ = false;
}

CountLine::CountLine(std::string command, std::string things)
    : enabled_(isatty(STDERR_FILENO) == 1), command_(std::move(command)), things_(std::move(things)),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void CountLine::done(size_t count, size_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200) && count < total) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double eta = count > 0 ? seconds * static_cast<double>(total - count) / static_cast<double>(count) : 0;
  std::fprintf(stderr, "\r%s: %zu/%zu %s  %.1f s  ETA %.0f s   ", command_.c_str(), count, total, things_.c_str(),
               seconds, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void CountLine::finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r%78s\r", "");
  drawn_ = false;
}

}  // namespace newsgraph::cli
