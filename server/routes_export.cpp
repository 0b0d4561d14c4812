// GET /api/v1/export: the stored graph as GraphML, GEXF or node-link JSON, with the CLI's
// filters, streamed to the client in chunks as the writer produces it.
#include <ostream>
#include <streambuf>

#include "export/export_options.h"
#include "export/writer.h"
#include "server/context.h"

namespace newsgraph::server {
namespace {

// Collects what a writer produces into 64 KiB blocks and hands each to the HTTP sink,
// so a large export goes out in a few hundred chunks instead of one per write call.
// Fails (the stream turns bad) when the client has gone.
class ChunkBuffer : public std::streambuf {
 public:
  explicit ChunkBuffer(httplib::DataSink& sink) : sink_(sink) { setp(block_, block_ + sizeof block_); }
  ~ChunkBuffer() override { sync(); }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override {
    size_t n = static_cast<size_t>(pptr() - pbase());
    if (n == 0) return 0;
    setp(block_, block_ + sizeof block_);
    return sink_.is_writable() && sink_.write(block_, n) ? 0 : -1;
  }

 private:
  httplib::DataSink& sink_;
  char block_[64 * 1024];
};

struct FormatInfo {
  exporter::Format format;
  const char* content_type;
  const char* extension;
};

bool format_of(const std::string& name, FormatInfo* out) {
  if (name == "graphml") *out = {exporter::Format::kGraphml, "application/graphml+xml", "graphml"};
  else if (name == "gexf") *out = {exporter::Format::kGexf, "application/gexf+xml", "gexf"};
  else if (name == "json") *out = {exporter::Format::kJson, "application/json", "json"};
  else if (name == "cytoscape") *out = {exporter::Format::kCytoscape, "application/json", "cyjs"};
  else if (name == "graphology") *out = {exporter::Format::kGraphology, "application/json", "json"};
  else return false;
  return true;
}

void export_graph(Context& c, const httplib::Request& req, httplib::Response& res) {
  std::set<std::string> allowed{"format"};
  for (const auto& name : exporter::export_option_names()) allowed.insert(name);
  if (!only_params(req, res, allowed)) return;
  FormatInfo format{};
  std::string format_name = req.has_param("format") ? req.get_param_value("format") : "graphml";
  if (!format_of(format_name, &format))
    return problem(res, 400, "bad-parameter", "format is graphml, gexf, json, cytoscape or graphology");
  graph::GraphFilter filter = exporter::default_export_filter();
  exporter::ExportOptions options;
  for (const auto& name : exporter::export_option_names()) {
    if (!req.has_param(name)) continue;
    Status st = exporter::apply_export_option(name, req.get_param_value(name), &filter, &options);
    if (!st.is_ok()) return problem(res, 400, "bad-parameter", st.message());
  }
  std::shared_ptr<void> slot = c.exports.try_take();
  if (!slot) {
    res.set_header("Retry-After", "5");
    return problem(res, 503, "busy", "other exports are running; try again in a few seconds");
  }
  store::Store* store = c.reader(res);
  if (!store) return;
  store::ReadSnapshot snapshot(*store);  // one consistent state for every query
  int64_t version = version_of(*store);
  graph::AttributedGraph attributed;
  Status st = graph::load_attributed_graph(*store, filter, &attributed);
  if (st.code() == StatusCode::kNotFound) return problem(res, 404, "unknown-entity", st.message());
  if (!st.is_ok()) return store_problem(c.options.db, res, st);
  auto graph = std::make_shared<exporter::ExportGraph>(exporter::build_export_graph(std::move(attributed), options));
  res.set_header("Content-Disposition", std::string("attachment; filename=\"newsgraph.") + format.extension + "\"");
  res.set_header("X-Graph-Version", std::to_string(version));
  res.set_header("X-Graph-Nodes", std::to_string(graph->graph.nodes.size()));
  res.set_header("X-Graph-Edges", std::to_string(graph->edges.size()));
  exporter::Format chosen = format.format;
  // The slot is let go as soon as the last byte is written, not when cpp-httplib gets round
  // to destroying the provider (and every copy of it): a client that asks again at once
  // must not find it still taken.
  auto held = std::make_shared<std::shared_ptr<void>>(std::move(slot));
  res.set_chunked_content_provider(format.content_type, [graph, chosen, held](size_t, httplib::DataSink& sink) {
    ChunkBuffer buffer(sink);
    std::ostream out(&buffer);
    Status written = exporter::make_writer(chosen)->write(*graph, out);
    out.flush();
    held->reset();
    if (!written.is_ok() || !out) return false;  // the client went away: drop the connection
    sink.done();
    return true;
  });
}

}  // namespace

void add_export_routes(httplib::Server& http, Context& c) {
  http.Get("/api/v1/export",
           [&c](const httplib::Request& req, httplib::Response& res) { export_graph(c, req, res); });
}

}  // namespace newsgraph::server
