package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * {@code pipes_messages}: INSERT publishes to a pipe; SELECT reads its kept history (oldest first,
 * at most 99 rows); DELETE by {@code name} clears it, by {@code id} (with or without {@code name})
 * removes one kept message.
 */
final class PipesMessagesTable extends CometTable {
    static final int MAX_HISTORY_ROWS = 99;
    /** What history shows for a message inserted with an empty event (CppComet's, as pipe_log). */
    static final String NO_EVENT = "undefined";
    private static final Logger log = LoggerFactory.getLogger(PipesMessagesTable.class);

    PipesMessagesTable() {
        super("pipes_messages", "name", text("id"), number("time"), text("name"), number("index"), text("event"),
                text("message"), number("user_id"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> pipes) {
        List<List<String>> rows = new ArrayList<>();
        for (String pipe : pipes) {
            List<PipeMessage> history = context.engine().history(context.tenant(), pipe, MAX_HISTORY_ROWS);
            int index = 0;
            for (PipeMessage m : history) {
                rows.add(List.of(m.id(), Long.toString(m.time()), pipe, Integer.toString(index++),
                        m.event().isEmpty() ? NO_EVENT : m.event(), m.text(), Long.toString(m.userId())));
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
        String event = ValueRules.eventName(ValueRules.required(row, "event"));
        String message = ValueRules.required(row, "message");
        PublishReceipt receipt = context.engine().publish(context.tenant(), pipe, event, message, 0, null);
        return published(context, pipe, event, receipt);
    }

    /** {@link #insert} when the engine publishes without blocking (no history to store); else empty. */
    Optional<QueryResult> insertWithoutBlocking(TableContext context, Map<String, String> row) {
        String pipe = ValueRules.pipeName(ValueRules.required(row, "name"));
        String event = ValueRules.eventName(ValueRules.required(row, "event"));
        String message = ValueRules.required(row, "message");
        return context.engine().publishWithoutBlocking(context.tenant(), pipe, event, message, 0, null)
                .map(receipt -> published(context, pipe, event, receipt));
    }

    private static QueryResult published(TableContext context, String pipe, String event, PublishReceipt receipt) {
        log.debug("tenant {} pipe {}: published event '{}' to {} connections", context.tenant(), pipe, event,
                receipt.delivered());
        return QueryResult.ok();
    }

    @Override
    String deleteKey() {
        return "id";
    }

    @Override
    QueryResult delete(TableContext context, Map<String, List<String>> where) {
        List<String> ids = where.get("id");
        if (!where.containsKey("name")) {
            for (String id : ids) {
                boolean deleted = context.engine().deleteHistoryMessage(context.tenant(), id);
                log.debug("tenant {}: history message {} {}", context.tenant(), id, deleted ? "deleted" : "not found");
            }
            return QueryResult.ok();
        }
        for (String pipe : where.get("name")) {
            if (ids == null) {
                context.engine().clearHistory(context.tenant(), pipe);
                log.info("tenant {} pipe {}: history cleared", context.tenant(), pipe);
            } else {
                for (String id : ids) {
                    context.engine().deleteHistoryMessage(context.tenant(), pipe, id);
                }
            }
        }
        return QueryResult.ok();
    }
}
