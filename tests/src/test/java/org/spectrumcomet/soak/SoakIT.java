package org.spectrumcomet.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The CI soak: 60 s of mixed traffic through the packaged {@code bin/spectrum-comet-backend}
 * (a failsafe IT, so it runs after {@code package}) with a load that fits two cores — 200 XMPP users,
 * 1,000 web users, 100 msg/s. Nothing may be lost or duplicated, and both children's heap after GC
 * and open descriptors must stay flat by {@link FlatRule}. The summary is kept in
 * {@code tests/target/soak/ci-summary.md}.
 */
class SoakIT {

    /** With setup (three JVMs, 1,200 users) and the drain the test takes about 85 s. */
    private static final Duration TRAFFIC = Duration.ofSeconds(60);

    @Test
    void mixedTrafficLosesNothingAndStaysFlat() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path soakDir = Path.of("target", "soak").toAbsolutePath();
        SoakSettings settings = new SoakSettings(TRAFFIC, 200, 1000, 100, Duration.ofSeconds(10),
                Duration.ofSeconds(20), soakDir.resolve("ci-run-" + System.currentTimeMillis()),
                SoakCommand.defaultBackend(repo), 7, 20);
        Files.createDirectories(settings.workDir());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SoakSummary summary = SoakRun.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
        String markdown = summary.markdown();
        Files.writeString(soakDir.resolve("ci-summary.md"), markdown, StandardCharsets.UTF_8);

        assertThat(summary.ledger().totalSent()).as(markdown).isGreaterThan(5_000);
        for (TrafficKind kind : TrafficKind.values()) {
            assertThat(summary.ledger().counts(kind).received()).as("%s deliveries\n%s", kind, markdown).isPositive();
        }
        assertThat(summary.ledger().totalLost()).as("lost deliveries\n%s", markdown).isZero();
        assertThat(summary.ledger().totalDuplicates()).as("duplicates\n%s", markdown).isZero();
        assertThat(summary.extras().stableDisconnects()).as("stable users disconnected\n%s", markdown).isZero();
        assertThat(summary.flat()).as("heap and fds flat\n%s", markdown).isTrue();
        assertThat(summary.passed()).isTrue();
    }
}
