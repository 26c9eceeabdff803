package org.spectrumcomet.comet.cometql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values {@code SELECT @@x} and {@code SHOW VARIABLES} report. They exist so drivers can
 * configure themselves at connect time; none of them can be changed ({@code SET} is accepted and
 * ignored). Unknown variables read as the empty string.
 */
final class ServerVariables {
    private final Map<String, String> values = new LinkedHashMap<>();

    ServerVariables(String version, int maxPacketBytes, long idleTimeoutSeconds, int maxConnections) {
        String timeout = Long.toString(idleTimeoutSeconds);
        put("auto_increment_increment", "1");
        put("auto_increment_offset", "1");
        put("autocommit", "1");
        put("character_set_client", "utf8mb4");
        put("character_set_connection", "utf8mb4");
        put("character_set_database", "utf8mb4");
        put("character_set_results", "utf8mb4");
        put("character_set_server", "utf8mb4");
        put("character_set_system", "utf8mb3");
        put("collation_connection", "utf8mb4_general_ci");
        put("collation_database", "utf8mb4_general_ci");
        put("collation_server", "utf8mb4_general_ci");
        put("default_storage_engine", "MEMORY");
        put("have_query_cache", "NO");
        put("init_connect", "");
        put("interactive_timeout", timeout);
        put("license", "GPL");
        put("lower_case_table_names", "0");
        put("max_allowed_packet", Integer.toString(maxPacketBytes));
        put("max_connections", Integer.toString(maxConnections));
        put("net_buffer_length", "16384");
        put("net_read_timeout", "30");
        put("net_write_timeout", "60");
        put("performance_schema", "0");
        put("query_cache_size", "0");
        put("query_cache_type", "OFF");
        put("read_only", "0");
        put("sql_auto_is_null", "0");
        put("sql_mode", "");
        put("sql_select_limit", "18446744073709551615");
        put("system_time_zone", "UTC");
        put("time_zone", "SYSTEM");
        put("transaction_isolation", "REPEATABLE-READ");
        put("transaction_read_only", "0");
        put("tx_isolation", "REPEATABLE-READ");
        put("tx_read_only", "0");
        put("version", version);
        put("version_comment", "spectrum-comet CometQL server");
        put("version_compile_os", "Linux");
        put("wait_timeout", timeout);
    }

    private void put(String name, String value) {
        values.put(name, value);
    }

    /** A variable's value; {@code name} may carry a {@code session.}/{@code global.}/{@code local.} scope. */
    String value(String name) {
        String bare = name.toLowerCase(Locale.ROOT).replaceFirst("^(session|global|local)\\.", "");
        return values.getOrDefault(bare, "");
    }

    Map<String, String> all() {
        return values;
    }
}
