package org.spectrumcomet.conformance.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.suites.ScenarioResult;
import org.spectrumcomet.conformance.suites.SuiteCatalog;
import org.spectrumcomet.conformance.suites.SuiteRunner;

/**
 * Every scenario of every suite passes against the comet bridge backend (a separate process) with
 * the comet driver: our comet server as a process, web users on WebSockets, CometQL over JDBC. A
 * failure names the reason and keeps the logs under {@code target/conformance/comet}.
 */
class CometDriverConformanceTest {

    private static CometDriver driver;
    private static SuiteRunner runner;

    @BeforeAll
    static void start() throws Exception {
        driver = CometDriver.startOwnServer(JavaBackendCommand.workDir("comet").resolve("server"));
        runner = new SuiteRunner(JavaBackendCommand.of(SpectrumCometBackend.class), driver,
                MainOptions.defaults(JavaBackendCommand.workDir("comet")).withPingInterval(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPassesAgainstTheCometBridge() {
        return SuiteCatalog.all().stream().flatMap(suite -> suite.scenarios().stream().map(scenario ->
                DynamicTest.dynamicTest(suite.name() + "/" + scenario.name(), () -> {
                    ScenarioResult result = runner.run(suite, scenario);
                    assertThat(result.reason()).as("%s/%s", suite.name(), scenario.name()).isEmpty();
                    assertThat(result.passed()).isTrue();
                })));
    }
}
