package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.mysql.QueryResult;

/** {@code pipes_settings}: how many messages a pipe keeps (0..99; larger refused with 12, never clamped). */
final class PipesSettingsTable extends CometTable {
    private static final Logger log = LoggerFactory.getLogger(PipesSettingsTable.class);

    PipesSettingsTable() {
        super("pipes_settings", "name", text("name"), number("length"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> pipes) {
        List<List<String>> rows = new ArrayList<>();
        for (String pipe : pipes) {
            OptionalInt length = context.engine().historyLength(context.tenant(), pipe);
            if (length.isPresent()) {
                rows.add(List.of(pipe, Integer.toString(length.getAsInt())));
            }
        }
        return rows;
    }

    @Override
    boolean writable() {
        return true;
    }

    @Override
    QueryResult insert(TableContext context, Map<String, String> row) {
        String pipe = ValueRules.pipeName(ValueRules.required(row, "name"));
        int length = ValueRules.historyLength(row.getOrDefault("length", "0"));
        context.engine().setHistoryLength(context.tenant(), pipe, length);
        log.info("tenant {} pipe {}: history length set to {}", context.tenant(), pipe, length);
        return new QueryResult.Ok(1, 0);
    }

    @Override
    QueryResult delete(TableContext context, Map<String, List<String>> where) {
        for (String pipe : where.get("name")) {
            context.engine().deletePipeSettings(context.tenant(), pipe);
            log.info("tenant {} pipe {}: settings and history removed", context.tenant(), pipe);
        }
        return QueryResult.ok();
    }
}
