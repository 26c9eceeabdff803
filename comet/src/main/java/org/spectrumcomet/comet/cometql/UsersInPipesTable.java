package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.comet.engine.SubscriberInfo;

/** {@code users_in_pipes}: read-only, one row per connection subscribed to the pipe (user_id 0 = anonymous). */
final class UsersInPipesTable extends CometTable {

    UsersInPipesTable() {
        super("users_in_pipes", "name", text("name"), number("user_id"), text("user_uuid"), text("user_agent"),
                text("ip"), text("origin"), text("language"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> pipes) {
        List<List<String>> rows = new ArrayList<>();
        for (String pipe : pipes) {
            for (SubscriberInfo s : context.engine().subscribers(context.tenant(), pipe)) {
                rows.add(List.of(pipe, Long.toString(s.userId()), s.uuid(), s.info().userAgent(), s.info().ip(),
                        s.info().origin(), s.info().language()));
            }
        }
        return rows;
    }
}
