package org.spectrumcomet.cppcomet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.comet.CometDriver;
import org.spectrumcomet.conformance.comet.CometFlavour;
import org.spectrumcomet.conformance.comet.CppCometProcess;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.suites.ScenarioResult;
import org.spectrumcomet.conformance.suites.SuiteCatalog;
import org.spectrumcomet.conformance.suites.SuiteRunner;

/**
 * Every scenario of every suite against the bridge backend (a process) pointed at the real CppComet
 * only through the {@code [comet]} section — the same run as {@code CometDriverConformanceTest} with
 * our server. Where CppComet differs by design the driver reports it and the suite checks
 * CppComet's behaviour instead: its offline queue has no limit, so the receipt scenario expects an
 * ACK for a message to an offline user rather than none for a refused one. A scenario that fails
 * because CppComet cut a frame short (its 123–125-byte frame bug, asserted in
 * {@code CppCometDifferencesIT}) is reported as aborted with that reason, not as passed.
 */
@EnabledIfEnvironmentVariable(named = "CPPCOMET_HOME", matches = ".*\\S.*",
        disabledReason = CppCometPeer.UNAVAILABLE)
class CppCometConformanceIT {

    private static CometDriver driver;
    private static SuiteRunner runner;

    @BeforeAll
    static void start() throws Exception {
        Path home = CppCometProcess.homeFromEnvironment();
        driver = CometDriver.startCppComet(home);
        runner = new SuiteRunner(JavaBackendCommand.of(SpectrumCometBackend.class), driver,
                MainOptions.defaults(JavaBackendCommand.workDir("cppcomet")).withPingInterval(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void theBridgeReachesCppCometOnlyThroughItsCometSection() {
        assertThat(driver.flavour()).isEqualTo(CometFlavour.CPPCOMET);
        assertThat(driver.extraConfig()).contains("cometql = 127.0.0.1:" + driver.target().cometqlPort() + "\n")
                .contains("websocket = ws://127.0.0.1:" + driver.gate().port() + "\n")
                .contains("dev_id = 0\n").contains("dev_key = " + driver.target().tenantKey() + "\n");
        assertThat(driver.target().cometqlUser()).as("spec §I.2.2: user root = dev_id 0").isEqualTo("root");
    }

    @Test
    void noContactRefusesMessagesBecauseCppCometQueuesWithoutLimit() {
        LegacyAccount account = driver.account("capabilities");
        assertThat(driver.refusingBuddy(account))
                .as("spec §I.3.3 users_messages: CppComet queues every message for an offline user, none is refused")
                .isEmpty();
        assertThat(driver.queueingBuddy(account)).as("the receipt scenario checks the ACK of a queued message instead")
                .contains(Long.toString(CometDriver.FULL_QUEUE));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPassesAgainstTheBridgeOnCppComet() {
        return SuiteCatalog.all().stream().flatMap(suite -> suite.scenarios().stream().map(scenario ->
                DynamicTest.dynamicTest(suite.name() + "/" + scenario.name(), () -> {
                    long cut = driver.truncatedFrames();
                    ScenarioResult result = runner.run(suite, scenario);
                    assumeTrue(result.passed() || driver.truncatedFrames() == cut, "CppComet bug, not a difference "
                            + "by design: a WebSocket frame of 123-125 bytes reached web user " + CometDriver.BUDDY
                            + " with its last bytes replaced by NUL (see CppCometDifferencesIT), so " + suite.name()
                            + "/" + scenario.name() + " failed: " + result.reason());
                    assertThat(result.reason()).as("%s/%s against CppComet", suite.name(), scenario.name()).isEmpty();
                    assertThat(result.passed()).isTrue();
                })));
    }
}
