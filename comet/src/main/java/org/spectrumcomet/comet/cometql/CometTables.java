package org.spectrumcomet.comet.cometql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tables of CometQL v1, by exact (lower case) name, in {@code SHOW TABLES} order. */
final class CometTables {
    private static final Map<String, CometTable> TABLES = new LinkedHashMap<>();

    static {
        for (CometTable table : List.of(new UsersAuthTable(), new UsersTimeTable(), new UsersMessagesTable(),
                new PipesMessagesTable(), new UsersInPipesTable(), new PipesTable(), new PipesSettingsTable())) {
            TABLES.put(table.name(), table);
        }
    }

    private CometTables() {
    }

    static Optional<CometTable> byName(String name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    /** The table or ERR 15 naming it. */
    static CometTable require(String name) {
        return byName(name).orElseThrow(() -> new CometQlException(CometQlException.DOES_NOT_EXIST,
                "Table `" + name + "` doesn't exist" + (TABLES.containsKey(name.toLowerCase(java.util.Locale.ROOT))
                        ? " (table names are lower case)" : "")));
    }

    static List<CometTable> all() {
        return List.copyOf(TABLES.values());
    }
}
