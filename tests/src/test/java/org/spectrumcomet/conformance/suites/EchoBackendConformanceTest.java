package org.spectrumcomet.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.driver.EchoDriver;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.echo.EchoBackend;

/** Every suite passes against the echo backend running as a separate process. */
class EchoBackendConformanceTest {

    @Test
    void everySuitePassesAgainstTheEchoBackend() {
        MainOptions options = MainOptions.defaults(JavaBackendCommand.workDir("echo"))
                .withPingInterval(Duration.ofSeconds(1));
        List<ScenarioResult> results = new SuiteRunner(JavaBackendCommand.of(EchoBackend.class), new EchoDriver(), options)
                .run(SuiteCatalog.all());
        assertThat(results).hasSize(SuiteCatalog.all().stream().mapToInt(s -> s.scenarios().size()).sum());
        assertThat(results.stream().filter(r -> !r.passed()).map(r -> r.suite() + "/" + r.scenario() + ": " + r.reason()))
                .isEmpty();
    }
}
