// The newsgraph subcommands. Each takes the arguments after its name and returns an
// exit code from exit_codes.h; none throws.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::cli {

int run_extract(const std::vector<std::string>& args);
int run_ingest(const std::vector<std::string>& args);
int run_remove(const std::vector<std::string>& args);
int run_curate(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_show(const std::vector<std::string>& args);
int run_search(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);
int run_reorder(const std::vector<std::string>& args);

}  // namespace newsgraph::cli
