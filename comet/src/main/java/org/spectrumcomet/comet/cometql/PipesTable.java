package org.spectrumcomet.comet.cometql;

import java.util.List;

/** {@code pipes}: read-only subscriber count per pipe (0 for unknown pipes). */
final class PipesTable extends CometTable {

    PipesTable() {
        super("pipes", "name", text("name"), number("users"));
    }

    @Override
    List<List<String>> rows(TableContext context, List<String> pipes) {
        return pipes.stream()
                .map(pipe -> List.of(pipe, Integer.toString(context.engine().subscriberCount(context.tenant(), pipe))))
                .toList();
    }
}
