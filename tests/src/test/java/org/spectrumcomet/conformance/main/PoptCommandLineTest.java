package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoptCommandLineTest {

    @Test
    void splitsOnWhitespaceAndKeepsQuotedGroups() {
        assertThat(PoptCommandLine.split("/usr/bin/java  -Xmx256m -jar '/opt/my dir/b.jar'\t\"x y\""))
                .containsExactly("/usr/bin/java", "-Xmx256m", "-jar", "/opt/my dir/b.jar", "x y");
    }

    @Test
    void backslashEscapesOutsideQuotesAndOnlyTheQuoteInside() {
        assertThat(PoptCommandLine.split("a\\ b \"c\\\"d\" 'e\\f'")).containsExactly("a b", "c\"d", "e\\f");
    }

    @Test
    void aDoubledBackslashInsideQuotesStaysDoubledAndEmptyWordsVanish() {
        assertThat(PoptCommandLine.split("\"a\\\\\" \"\" b")).containsExactly("a\\\\", "b");
    }

    @Test
    void adjacentQuotedPartsFormOneWord() {
        assertThat(PoptCommandLine.split("pre\"fix suffix\"post")).containsExactly("prefix suffixpost");
    }

    @Test
    void rejectsUnterminatedQuotesAndEmptyCommands() {
        assertThatThrownBy(() -> PoptCommandLine.split("java 'oops")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PoptCommandLine.split("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PoptCommandLine.split("java \\")).hasMessageContaining("trailing backslash");
    }
}
