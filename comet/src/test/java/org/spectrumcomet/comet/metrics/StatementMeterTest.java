package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementMeterTest {

    @Test
    void countsByTableAndResultWithUnknownTablesFolded() {
        CometMetrics metrics = new CometMetrics();
        StatementMeter meter = metrics.statements();
        meter.answered("pipes_messages", true);
        meter.answered("pipes_messages", true);
        meter.answered("pipes_messages", false);
        meter.answered(StatementMeter.NONE, true);
        meter.answered("no_such_table", false);
        meter.answered("PIPES_MESSAGES", false); // table names are lower case: not a table
        Exposition e = new Exposition(metrics.scrape());
        assertThat(e.value("comet_cometql_statements_total", "table", "pipes_messages", "result", "ok")).isEqualTo(2);
        assertThat(e.value("comet_cometql_statements_total", "table", "pipes_messages", "result", "error")).isEqualTo(1);
        assertThat(e.value("comet_cometql_statements_total", "table", "none", "result", "ok")).isEqualTo(1);
        assertThat(e.value("comet_cometql_statements_total", "table", "unknown", "result", "error")).isEqualTo(2);
        assertThat(e.text).doesNotContain("no_such_table");
        // Every table's series exists from the start (a rate() needs its zero).
        for (String table : StatementMeter.TABLES) {
            assertThat(e.value("comet_cometql_statements_total", "table", table, "result", "error")).isNotNegative();
        }
    }
}
