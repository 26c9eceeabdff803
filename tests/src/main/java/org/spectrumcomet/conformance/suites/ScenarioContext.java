package org.spectrumcomet.conformance.suites;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.main.BackendLink;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.conformance.main.Recording;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * What a running scenario works with: the main instance, the spawned backend, the legacy driver,
 * and await helpers that fail with a readable reason when their deadline passes.
 */
public final class ScenarioContext {

    /** How long a backend gets for an ordinary reply (generous: CI machines are shared). */
    public static final Duration REPLY = Duration.ofSeconds(5);

    private final MainInstance main;
    private final BackendProcess process;
    private final LegacyDriver driver;

    ScenarioContext(MainInstance main, BackendProcess process, LegacyDriver driver) {
        this.main = main;
        this.process = process;
        this.driver = driver;
    }

    public MainInstance main() {
        return main;
    }

    public BackendLink link() {
        return main.link();
    }

    public BackendProcess process() {
        return process;
    }

    public LegacyDriver driver() {
        return driver;
    }

    public Recording recording() {
        return main.recording();
    }

    public Duration pingInterval() {
        return main.options().pingInterval();
    }

    public long mark() {
        return recording().mark();
    }

    public MainUser user(LegacyAccount account) {
        return main.user(account.jid());
    }

    /** Waits for a received {@code type} whose payload matches; fails naming {@code what}. */
    public <T> T await(long fromSeq, Type type, Class<T> kind, Predicate<T> match, Duration timeout, String what)
            throws ScenarioFailure {
        Optional<FrameRecord> hit = recording().awaitReceived(fromSeq, timeout,
                m -> m.type() == type && kind.isInstance(m.payload()) && match.test(kind.cast(m.payload())));
        if (hit.isEmpty()) {
            throw new ScenarioFailure("no " + what + " within " + timeout.toMillis() + " ms");
        }
        return kind.cast(hit.get().message().payload());
    }

    /** Waits for any received frame of {@code type} (e.g. PONG, which has no payload). */
    public FrameRecord awaitType(long fromSeq, Type type, Duration timeout, String what) throws ScenarioFailure {
        return recording().awaitReceived(fromSeq, timeout, m -> m.type() == type)
                .orElseThrow(() -> new ScenarioFailure("no " + what + " within " + timeout.toMillis() + " ms"));
    }

    /** Fails if a received {@code type} whose payload matches arrives within {@code window}. */
    public <T> void awaitNone(long fromSeq, Type type, Class<T> kind, Predicate<T> match, Duration window, String what)
            throws ScenarioFailure {
        Optional<FrameRecord> hit = recording().awaitReceived(fromSeq, window,
                m -> m.type() == type && kind.isInstance(m.payload()) && match.test(kind.cast(m.payload())));
        if (hit.isPresent()) {
            throw new ScenarioFailure(what + ": " + hit.get().message());
        }
    }

    /** Logs {@code account} in and waits for its CONNECTED; fails on DISCONNECTED or timeout. */
    public MainUser loginConnected(LegacyAccount account) throws ScenarioFailure {
        MainUser user = user(account);
        long from = mark();
        user.login(account.legacyName(), account.password());
        Optional<FrameRecord> answer = recording().awaitReceived(from, REPLY.multipliedBy(2),
                m -> (m.payload() instanceof Connected c && c.getUser().equals(account.jid()))
                        || (m.payload() instanceof Disconnected d && d.getUser().equals(account.jid())));
        if (answer.isEmpty()) {
            throw new ScenarioFailure("LOGIN for " + account.jid() + " got neither CONNECTED nor DISCONNECTED within "
                    + REPLY.multipliedBy(2).toMillis() + " ms");
        }
        if (answer.get().message().payload() instanceof Disconnected d) {
            throw new ScenarioFailure("LOGIN for " + account.jid() + " was refused: DISCONNECTED{error=" + d.getError()
                    + ", message='" + d.getMessage() + "'}");
        }
        return user;
    }

    /** Fails with {@code verdict} unless it is empty (driver observations). */
    public void check(String verdict) throws ScenarioFailure {
        if (!verdict.isEmpty()) {
            throw new ScenarioFailure(verdict);
        }
    }

    public static void require(boolean condition, String reason) throws ScenarioFailure {
        if (!condition) {
            throw new ScenarioFailure(reason);
        }
    }
}
