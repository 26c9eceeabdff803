package org.spectrumcomet.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.driver.EchoDriver;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.suites.Scenario;
import org.spectrumcomet.conformance.suites.ScenarioResult;
import org.spectrumcomet.conformance.suites.Suite;
import org.spectrumcomet.conformance.suites.SuiteCatalog;
import org.spectrumcomet.conformance.suites.SuiteRunner;

/** Each broken backend fails the scenario that covers its fault, with a reason naming the fault. */
class BrokenBackendsTest {

    private static ScenarioResult run(Class<?> backend, String suiteName, String scenarioName) {
        MainOptions options = MainOptions.defaults(JavaBackendCommand.workDir(backend.getSimpleName()))
                .withPingInterval(Duration.ofSeconds(1));
        Suite suite = SuiteCatalog.select(suiteName).get(0);
        Scenario scenario = suite.scenarios().stream().filter(s -> s.name().equals(scenarioName)).findFirst().orElseThrow();
        return new SuiteRunner(JavaBackendCommand.of(backend), new EchoDriver(), options).run(suite, scenario);
    }

    @Test
    void theWellBehavedRawBackendPassesTheSameScenarios() {
        assertThat(run(RawBackend.class, "handshake", "first-ping").reason()).isEmpty();
        assertThat(run(RawBackend.class, "rooms", "join").reason()).isEmpty();
        assertThat(run(RawBackend.class, "chat", "one-to-one").reason()).isEmpty();
    }

    @Test
    void aBackendThatNeverAnswersPingFailsTheHandshake() {
        ScenarioResult result = run(NoPongBackend.class, "handshake", "first-ping");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("no PONG within 2000 ms of the first PING");
    }

    @Test
    void aTruncatedFrameIsFlagged() {
        ScenarioResult result = run(TruncatedFrameBackend.class, "handshake", "first-ping");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("malformed-frame").contains("type 30");
    }

    @Test
    void anOwnParticipantThatIsNotLastFailsTheJoin() {
        ScenarioResult result = run(SelfNotLastBackend.class, "rooms", "join");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("own participant is not last");
    }

    @Test
    void aSubjectBeforeTheOwnParticipantFailsTheJoin() {
        ScenarioResult result = run(SubjectBeforeSelfBackend.class, "rooms", "join");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("the subject arrived before the own participant");
    }

    @Test
    void aBackendThatDoesNotShowTheOwnSubjectBackFailsTheSubjectScenario() {
        ScenarioResult result = run(RawBackend.class, "rooms", "subject");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("the own subject shown back");
    }

    @Test
    void anIsoTimestampIsFlaggedAsACrash() {
        ScenarioResult result = run(IsoTimestampBackend.class, "rooms", "join");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("timestamp-format (crash)").contains("not YYYYMMDDTHHMMSS");
    }

    @Test
    void aMissingRequiredFieldIsFlagged() {
        ScenarioResult result = run(MissingFieldBackend.class, "chat", "one-to-one");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("malformed-frame").contains("missing required fields: message");
    }

    @Test
    void aBackendThatGoesSilentIsDeclaredDeadAndItsStatsIdRecordedForSigabrt() {
        ScenarioResult result = run(SilentAfterFirstPongBackend.class, "liveness", "ping-periods");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("ping-timeout (dead)").contains("sends SIGABRT to STATS.id");
    }

    @Test
    void aStatsIdThatIsNotThePidIsFlaggedAsACrash() {
        ScenarioResult result = run(WrongStatsIdBackend.class, "handshake", "first-ping");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("STATS.id is '0'").contains("stats-id (crash)");
    }

    @Test
    void aDisconnectedAnsweringLogoutIsFlagged() {
        ScenarioResult result = run(DisconnectOnLogoutBackend.class, "login", "logout");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("disconnected-after-logout");
    }

    @Test
    void aSecondConnectedForOneLoginIsFlagged() {
        ScenarioResult result = run(DoubleConnectedBackend.class, "session", "login-answered-once");
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("second-answer");
    }
}
