package org.spectrumcomet.comet.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.QueuedMessage;

class MemoryStoreTest {

    private final MemoryStore store = new MemoryStore();

    @Test
    void historyTrimsAndQueuesBound() {
        for (int i = 1; i <= 5; i++) {
            store.appendHistory("0", new PipeMessage("m" + i, i, "p", "e", "t" + i, 0), 3);
        }
        assertThat(store.history("0", "p", 99)).extracting(PipeMessage::text).containsExactly("t3", "t4", "t5");
        assertThat(store.history("0", "p", 1)).extracting(PipeMessage::text).containsExactly("t5");
        assertThat(store.enqueue("0", new QueuedMessage("a", 1, "e", "x", 1), 1)).isTrue();
        assertThat(store.enqueue("0", new QueuedMessage("b", 1, "e", "y", 1), 1)).isFalse();
        assertThat(store.dequeue("0", 1, "a")).isTrue();
        assertThat(store.queue("0", 1, 10)).isEmpty();
    }

    @Test
    void aHistoryMessageIsDeletedByIdInAnyPipeOfItsTenantOnly() {
        store.appendHistory("0", new PipeMessage("m1", 1, "p", "e", "t1", 0), 5);
        store.appendHistory("0", new PipeMessage("m2", 1, "q", "e", "t2", 0), 5);
        store.appendHistory("15", new PipeMessage("m3", 1, "p", "e", "t3", 0), 5);
        assertThat(store.deleteHistoryMessage("0", "m3")).isFalse();
        assertThat(store.deleteHistoryMessage("0", "m2")).isTrue();
        assertThat(store.deleteHistoryMessage("0", "m2")).isFalse();
        assertThat(store.history("0", "q", 99)).isEmpty();
        assertThat(store.history("0", "p", 99)).extracting(PipeMessage::id).containsExactly("m1");
        assertThat(store.history("15", "p", 99)).extracting(PipeMessage::id).containsExactly("m3");
    }

    @Test
    void tenantsAreSeparate() {
        store.putUserKey("0", 1, "a");
        store.putLastSeen("15", 1, 5);
        assertThat(store.userKey("15", 1)).isEmpty();
        assertThat(store.lastSeen("0", 1)).isEmpty();
        assertThat(store.lastSeen("15", 1)).hasValue(5);
    }
}
