package org.spectrumcomet.backend.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendFeaturesTest {

    @Test
    void exactFormatOfTheSpec() {
        BackendFeatures f = BackendFeatures.builder()
                .receipts(true).muc(true).needRegistration(false).needPassword(false).build();
        assertThat(f.toConfigText())
                .isEqualTo("[registration]\nneedPassword=0\nneedRegistration=0\n[features]\nmuc=1\nreceipts=1\n");
    }

    @Test
    void nothingSetIsEmpty() {
        assertThat(BackendFeatures.builder().build().toConfigText()).isEmpty();
    }

    @Test
    void settingTwiceWritesOnce() {
        BackendFeatures f = BackendFeatures.builder().muc(true).muc(false).rawXml(true).build();
        assertThat(f.toConfigText()).isEqualTo("[features]\nmuc=0\nrawxml=1\n");
    }

    @Test
    void everyKeyOnceEveryLineAKeyValueOrHeader() {
        BackendFeatures.Builder b = BackendFeatures.builder();
        for (BackendFeatures.Key k : BackendFeatures.Key.values()) {
            b.set(k, true).set(k, false).set(k, true);
        }
        String text = b.build().toConfigText();
        Set<String> seen = new HashSet<>();
        String section = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("[")) {
                assertThat(line).matches("\\[(registration|features)]");
                section = line;
                assertThat(seen.add(line)).as("section once: " + line).isTrue();
            } else {
                assertThat(line).matches("[a-zA-Z_]+=[01]");
                assertThat(seen.add(section + line.substring(0, line.indexOf('=')))).as("key once: " + line).isTrue();
            }
        }
        assertThat(text).endsWith("\n").contains("send_buddies_on_login=1", "disable_jid_escaping=1");
    }
}
