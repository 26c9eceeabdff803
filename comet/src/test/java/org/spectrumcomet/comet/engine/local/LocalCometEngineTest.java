package org.spectrumcomet.comet.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.store.CometStore;
import org.spectrumcomet.comet.store.CometStoreException;
import org.spectrumcomet.comet.store.MemoryStore;

/** The engine behaviour on the in-memory store, plus how it copes with a failing store. */
class LocalCometEngineTest extends EngineBehaviourTest {

    @Override
    CometStore openStore(boolean reopen) {
        return new MemoryStore();
    }

    @Test
    void aFailingStoreIsReportedAndLeavesConnectionsUsable() {
        engine.close();
        CometStore broken = new FailingQueueStore();
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of(T, "k")), broken, EngineLimits.DEFAULTS, clock);
        RecordingConnection watcher = connect(T, 0, "user_status_7");

        RecordingConnection user = connect(T, 7, "room");
        assertThat(watcher.dataOn("user_status_7")).containsExactly("online");
        assertThat(engine.lastOnline(T, 7)).isZero();
        assertThatThrownBy(() -> engine.publish(T, "trust_x", "e", "t", 0, null))
                .isInstanceOf(CometStoreException.class);
        assertThat(engine.publish(T, "room", "e", "t", 0, null).delivered()).isEqualTo(1);
        assertThat(user.dataOn("room")).containsExactly("t");
    }

    /** Every queue read and history append fails. */
    private static final class FailingQueueStore implements CometStore {
        private final MemoryStore delegate = new MemoryStore();

        @Override public void putUserKey(String t, long u, String k) { delegate.putUserKey(t, u, k); }
        @Override public java.util.Optional<String> userKey(String t, long u) { return delegate.userKey(t, u); }
        @Override public boolean deleteUserKey(String t, long u) { return delegate.deleteUserKey(t, u); }
        @Override public void putHistoryLength(String t, String p, int l, int k) { delegate.putHistoryLength(t, p, l, k); }
        @Override public java.util.OptionalInt historyLength(String t, String p) { return delegate.historyLength(t, p); }
        @Override public void deletePipe(String t, String p) { delegate.deletePipe(t, p); }
        @Override public void appendHistory(String t, org.spectrumcomet.comet.engine.PipeMessage m, int k) {
            throw new CometStoreException("store: disk full", null);
        }
        @Override public List<org.spectrumcomet.comet.engine.PipeMessage> history(String t, String p, int l) {
            return delegate.history(t, p, l);
        }
        @Override public void clearHistory(String t, String p) { delegate.clearHistory(t, p); }
        @Override public boolean deleteHistoryMessage(String t, String p, String id) { return false; }
        @Override public boolean deleteHistoryMessage(String t, String id) { return false; }
        @Override public boolean enqueue(String t, QueuedMessage m, int max) { return delegate.enqueue(t, m, max); }
        @Override public List<QueuedMessage> queue(String t, long u, int l) {
            throw new CometStoreException("store: unreadable", null);
        }
        @Override public boolean dequeue(String t, long u, String id) { return delegate.dequeue(t, u, id); }
        @Override public void clearQueue(String t, long u) { delegate.clearQueue(t, u); }
        @Override public void putLastSeen(String t, long u, long s) { delegate.putLastSeen(t, u, s); }
        @Override public java.util.OptionalLong lastSeen(String t, long u) { return delegate.lastSeen(t, u); }
        @Override public void close() { }
    }
}
