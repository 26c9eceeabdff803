package org.spectrumcomet.comet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code comet_cometql_statements_total{table,result}}: every CometQL statement answered, by the
 * table it addressed ({@link #NONE} for statements of no table such as {@code SHOW} or
 * {@code SET}, {@link #UNKNOWN} when the statement could not be read or named no CometQL table)
 * and its result ({@code ok} or {@code error}). Counters resolved once.
 */
public final class StatementMeter {

    /** The CometQL v1 tables (the label values besides {@link #NONE} and {@link #UNKNOWN}). */
    public static final List<String> TABLES = List.of("users_auth", "users_time", "users_messages",
            "pipes_messages", "users_in_pipes", "pipes", "pipes_settings");
    public static final String NONE = "none";
    public static final String UNKNOWN = "unknown";

    private final Map<String, Counter[]> byTable = new HashMap<>();

    StatementMeter(MeterRegistry registry) {
        for (String table : TABLES) {
            byTable.put(table, counters(registry, table));
        }
        byTable.put(NONE, counters(registry, NONE));
        byTable.put(UNKNOWN, counters(registry, UNKNOWN));
    }

    private static Counter[] counters(MeterRegistry registry, String table) {
        return new Counter[] {counter(registry, table, "ok"), counter(registry, table, "error")};
    }

    private static Counter counter(MeterRegistry registry, String table, String result) {
        return Counter.builder("comet.cometql.statements").tag("table", table).tag("result", result)
                .description("CometQL statements answered, by table and result").register(registry);
    }

    /** Counts one answered statement; a table name outside {@link #TABLES} counts as {@link #UNKNOWN}. */
    public void answered(String table, boolean ok) {
        Counter[] counters = byTable.getOrDefault(table, byTable.get(UNKNOWN));
        counters[ok ? 0 : 1].increment();
    }
}
