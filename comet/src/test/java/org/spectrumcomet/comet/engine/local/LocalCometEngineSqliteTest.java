package org.spectrumcomet.comet.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.store.CometStore;
import org.spectrumcomet.comet.store.FsyncPolicy;
import org.spectrumcomet.comet.store.SqliteStore;

/** The engine behaviour on SQLite, plus what must survive a restart. */
class LocalCometEngineSqliteTest extends EngineBehaviourTest {

    @TempDir
    Path dir;

    @Override
    CometStore openStore(boolean reopen) {
        return SqliteStore.open(dir, FsyncPolicy.FULL);
    }

    private void restart() {
        engine.close();
        engine = newEngine(true, EngineLimits.DEFAULTS);
    }

    @Test
    void queueIsDeliveredExactlyOnceAcrossRestarts() {
        engine.sendToUser(T, 7, "e", "one");
        engine.sendToUser(T, 7, "e", "two");
        restart();

        RecordingConnection partial = new RecordingConnection("p");
        partial.accept.set(1);
        engine.attach(T, 7, partial);
        assertThat(partial.dataOn("msg")).containsExactly("one");
        restart();

        RecordingConnection next = connect(T, 7);
        assertThat(next.on("msg")).extracting(CometEvent::data, CometEvent::fromQueue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("two", true));
        restart();

        RecordingConnection after = connect(T, 7);
        assertThat(after.on("msg")).isEmpty();
    }

    @Test
    void lastSeenAndHistorySurviveARestart() {
        engine.setHistoryLength(T, "logged", 2);
        engine.publish(T, "logged", "e", "kept", 0, null);
        Session s = engine.attach(T, 7, new RecordingConnection("u"));
        clock.set(1_700_000_050L);
        engine.detach(s);
        restart();

        assertThat(engine.lastOnline(T, 7)).isEqualTo(1_700_000_050L);
        assertThat(engine.history(T, "logged", 99)).extracting(PipeMessage::text).containsExactly("kept");
        assertThat(engine.historyLength(T, "logged")).hasValue(2);
    }

    @Test
    void usersStillOnlineAtShutdownAreLastSeenAtShutdown() {
        engine.attach(T, 9, new RecordingConnection("u"));
        clock.set(1_700_000_077L);
        restart();
        assertThat(engine.lastOnline(T, 9)).isEqualTo(1_700_000_077L);
        assertThat(engine.subscribers(T, "any")).isEqualTo(List.of());
    }
}
