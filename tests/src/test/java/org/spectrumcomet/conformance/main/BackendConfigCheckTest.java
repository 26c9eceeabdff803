package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendConfigCheckTest {

    @Test
    void acceptsTheRecommendedFormWithCommentsAndBlankLines() {
        assertThat(BackendConfigCheck.problems(
                "[registration]\nneedPassword=0\nneedRegistration = false # inline comment\n\n"
                        + "[features]\nmuc=1\nreceipts=yes\nunknown_key=whatever\n")).isEmpty();
    }

    @Test
    void flagsALineWithoutEquals() {
        assertThat(BackendConfigCheck.problems("[features]\nmuc\n")).singleElement().asString()
                .contains("line 2").contains("no '='");
    }

    @Test
    void flagsAnInvalidBooleanOnlyForKeysTheMainRegisters() {
        assertThat(BackendConfigCheck.problems("[features]\nmuc=maybe\nother=maybe\n")).singleElement().asString()
                .contains("'maybe' is not a boolean");
    }

    @Test
    void flagsTheSameKeyTwiceInOneSectionButNotTheRepeatableExtraField() {
        assertThat(BackendConfigCheck.problems("[features]\nmuc=1\nmuc=1\n")).singleElement().asString()
                .contains("features.muc given twice");
        assertThat(BackendConfigCheck.problems("[registration]\nextraField=a\nextraField=b\n")).isEmpty();
        assertThat(BackendConfigCheck.problems("[a]\nx=1\n[b]\nx=1\n")).isEmpty();
    }
}
