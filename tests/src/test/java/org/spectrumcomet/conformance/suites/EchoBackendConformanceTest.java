package org.spectrumcomet.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.driver.EchoDriver;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.echo.EchoBackend;

/**
 * Every scenario of every suite passes against the echo backend running as a separate process
 * (one JUnit test per scenario; a failure names the reason and keeps the backend's log under
 * {@code target/conformance/echo}).
 */
class EchoBackendConformanceTest {

    private static final SuiteRunner RUNNER = new SuiteRunner(JavaBackendCommand.of(EchoBackend.class), new EchoDriver(),
            MainOptions.defaults(JavaBackendCommand.workDir("echo")).withPingInterval(Duration.ofSeconds(2)));

    @TestFactory
    Stream<DynamicTest> everyScenarioPassesAgainstTheEchoBackend() {
        return SuiteCatalog.all().stream().flatMap(suite -> suite.scenarios().stream().map(scenario ->
                DynamicTest.dynamicTest(suite.name() + "/" + scenario.name(), () -> {
                    ScenarioResult result = RUNNER.run(suite, scenario);
                    assertThat(result.reason()).as("%s/%s", suite.name(), scenario.name()).isEmpty();
                    assertThat(result.passed()).isTrue();
                })));
    }
}
