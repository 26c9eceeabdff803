package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * {@code users_messages}: INSERT sends a private message (delivered now or queued; ERR
 * {@value CometQlException#QUEUE_FULL} when the offline user's queue is full); SELECT lists the
 * undelivered queue, oldest first; DELETE empties it.
 */
final class UsersMessagesTable extends CometTable {
    private static final Logger log = LoggerFactory.getLogger(UsersMessagesTable.class);

    UsersMessagesTable() {
        super("users_messages", "id", number("id"), text("index"), text("event"), text("message"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> ids) {
        List<List<String>> rows = new ArrayList<>();
        for (String text : ids) {
            long id = ValueRules.userId(text);
            for (QueuedMessage m : context.engine().queue(context.tenant(), id)) {
                rows.add(List.of(Long.toString(id), m.id(), m.event(), m.text()));
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
        long id = ValueRules.userId(ValueRules.required(row, "id"));
        String event = ValueRules.eventName(ValueRules.required(row, "event"));
        String message = ValueRules.required(row, "message");
        PrivateReceipt receipt = context.engine().sendToUser(context.tenant(), id, event, message);
        if (receipt.refused()) {
            throw new CometQlException(CometQlException.QUEUE_FULL, "User " + id
                    + " is offline and its queue of undelivered messages is full; the message was not queued");
        }
        log.debug("tenant {} user {}: private event '{}' delivered to {} connections{}", context.tenant(), id, event,
                receipt.delivered(), receipt.queued() ? ", queued" : "");
        return new QueryResult.Ok(0, id);
    }

    @Override
    QueryResult delete(TableContext context, Map<String, List<String>> where) {
        for (String text : where.get("id")) {
            long id = ValueRules.userId(text);
            context.engine().clearQueue(context.tenant(), id);
            log.info("tenant {} user {}: private queue cleared", context.tenant(), id);
        }
        return QueryResult.ok();
    }
}
