#include "export/export_options.h"

#include <set>

#include "core/dates.h"

namespace newsgraph::exporter {
namespace {

// Splits "A,B" and parses each part; kUsage naming the option and the first unknown part.
template <typename T, typename Parse>
Status parse_list(const std::string& label, const std::string& list, std::set<T>* out, Parse parse, const char* what) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(start, comma - start);
    if (!item.empty()) {
      auto parsed = parse(item);
      if (!parsed) return Status::error(StatusCode::kUsage, label + ": unknown " + std::string(what) + " '" + item + "'");
      out->insert(*parsed);
    }
    start = comma + 1;
  }
  return Status::ok();
}

Status parse_count(const std::string& name, const std::string& value, uint32_t min, uint32_t max, uint32_t* out) {
  bool ok = !value.empty() && value.size() <= 10 && value.find_first_not_of("0123456789") == std::string::npos;
  uint64_t n = ok ? std::stoull(value) : 0;
  if (!ok || n < min || n > max)
    return Status::error(StatusCode::kUsage, name + " takes a whole number from " + std::to_string(min) + " to " +
                                                 std::to_string(max) + ", not '" + value + "'");
  *out = static_cast<uint32_t>(n);
  return Status::ok();
}

Status parse_bool(const std::string& name, const std::string& value, bool* out) {
  if (value != "true" && value != "false")
    return Status::error(StatusCode::kUsage, name + " is true or false, not '" + value + "'");
  *out = value == "true";
  return Status::ok();
}

}  // namespace

graph::GraphFilter default_export_filter() {
  graph::GraphFilter filter;
  filter.include_cooccurs = false;
  return filter;
}

const std::vector<std::string>& export_option_names() {
  static const std::vector<std::string> names{"min_weight", "predicates", "types", "since", "until",
                                              "center", "depth", "cooccurs", "multi", "layout", "mixed"};
  return names;
}

Status apply_export_option(std::string_view raw_name, const std::string& value, graph::GraphFilter* filter,
                           ExportOptions* options) {
  std::string label(raw_name), name(raw_name);  // as the caller spelt it, and normalised
  for (char& c : name)
    if (c == '-') c = '_';
  if (name == "min_weight") return parse_count(label, value, 1, 1u << 30, &filter->min_weight);
  if (name == "depth") return parse_count(label, value, 0, 100, &filter->depth);
  if (name == "center") {
    if (value.empty()) return Status::error(StatusCode::kUsage, label + " needs an entity id, name or alias");
    filter->center = value;
    return Status::ok();
  }
  if (name == "predicates") return parse_list(label, value, &filter->predicates, parse_predicate, "predicate");
  if (name == "types") return parse_list(label, value, &filter->types, parse_entity_type, "type");
  if (name == "since" || name == "until") {
    if (!dates::is_iso_date(value))
      return Status::error(StatusCode::kUsage, label + " takes a real day as YYYY-MM-DD, not '" + value + "'");
    (name == "since" ? filter->since : filter->until) = value;
    return Status::ok();
  }
  if (name == "cooccurs") return parse_bool(label, value, &filter->include_cooccurs);
  if (name == "multi") return parse_bool(label, value, &options->multi);
  if (name == "layout") return parse_bool(label, value, &options->layout);
  if (name == "mixed") return parse_bool(label, value, &options->mixed);
  return Status::error(StatusCode::kNotFound, "'" + std::string(raw_name) + "' is not an export option");
}

}  // namespace newsgraph::exporter
