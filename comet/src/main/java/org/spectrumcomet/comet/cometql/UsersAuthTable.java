package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.mysql.QueryResult;

/** {@code users_auth}: the key a user's websocket must present; DELETE also disconnects the user. */
final class UsersAuthTable extends CometTable {
    private static final Logger log = LoggerFactory.getLogger(UsersAuthTable.class);

    UsersAuthTable() {
        super("users_auth", "id", number("id"), new ColumnSpec("hash", "varchar(32)"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> ids) {
        List<List<String>> rows = new ArrayList<>();
        for (String text : ids) {
            long id = ValueRules.userId(text);
            context.engine().userKey(context.tenant(), id)
                    .ifPresent(key -> rows.add(List.of(Long.toString(id), key)));
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
        String key = ValueRules.userKey(ValueRules.required(row, "hash"));
        context.engine().setUserKey(context.tenant(), id, key);
        log.info("tenant {} user {}: key set", context.tenant(), id);
        return new QueryResult.Ok(1, id);
    }

    @Override
    QueryResult delete(TableContext context, Map<String, List<String>> where) {
        for (String text : where.get("id")) {
            long id = ValueRules.userId(text);
            context.engine().deleteUserKey(context.tenant(), id);
            log.info("tenant {} user {}: key removed, connections closed", context.tenant(), id);
        }
        return QueryResult.ok();
    }
}
