// An opt-in profile of the SQL a connection runs, for finding where the store's time
// goes: with NEWSGRAPH_SQL_PROFILE set in the environment, each connection adds up the
// time and runs of every statement (by its SQL text) and, when it closes, prints them to
// standard error, the costliest first. A statement's time includes the triggers and
// virtual-table statements it ran, which are listed on their own lines as well. Off (and
// free) otherwise.
#pragma once

struct sqlite3;

namespace newsgraph::store {

// Starts profiling `db` when NEWSGRAPH_SQL_PROFILE is set; returns the profile to pass
// to print_sql_profile (null when off).
void* start_sql_profile(sqlite3* db);
// Prints and frees what start_sql_profile gathered; does nothing for null.
void print_sql_profile(void* profile);

}  // namespace newsgraph::store
