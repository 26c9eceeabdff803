package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersHeaderAlignmentAndRows() {
        MarkdownTable table = new MarkdownTable("case", "ns/op", "ratio")
                .row("encode", 123.456, "1.00×")
                .row("a|b", 12_345L, null);

        assertThat(table.render()).isEqualTo(
                "| case | ns/op | ratio |\n"
                        + "|---|---:|---:|\n"
                        + "| encode | 123.5 | 1.00× |\n"
                        + "| a\\|b | 12,345 | – |\n");
    }

    @Test
    void looksCellsUpByRowLabelAndColumn() {
        MarkdownTable table = new MarkdownTable("case", "msg/s").row("echo", 1000L);

        assertThat(table.cell("echo", "msg/s")).contains("1,000");
        assertThat(table.cell("echo", "nope")).isEmpty();
        assertThat(table.cell("other", "msg/s")).isEmpty();
        assertThat(table.rowLabels()).containsExactly("echo");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        MarkdownTable table = new MarkdownTable("a", "b");

        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells");
    }
}
