package org.spectrumcomet.comet.cometql;

import java.util.List;

/** {@code users_time}: read-only presence — 0 online now, the unix time last seen, or -1 never seen. */
final class UsersTimeTable extends CometTable {

    UsersTimeTable() {
        super("users_time", "id", number("id"), number("time"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> ids) {
        return ids.stream()
                .map(ValueRules::userId)
                .map(id -> List.of(Long.toString(id), Long.toString(context.engine().lastOnline(context.tenant(), id))))
                .toList();
    }
}
