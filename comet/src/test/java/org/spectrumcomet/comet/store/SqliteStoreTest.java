package org.spectrumcomet.comet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.QueuedMessage;

class SqliteStoreTest {

    @TempDir
    Path dir;
    SqliteStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private SqliteStore reopen() {
        if (store != null) {
            store.close();
        }
        store = SqliteStore.open(dir, FsyncPolicy.FULL);
        return store;
    }

    private static PipeMessage msg(String id, String pipe, String text) {
        return new PipeMessage(id, 1_700_000_000L, pipe, "ev", text, 3);
    }

    @Test
    void everyKindOfRowSurvivesAReopen() {
        reopen();
        store.putUserKey("0", 7, "key7");
        store.putHistoryLength("0", "logged", 5, 5);
        store.appendHistory("0", msg("m1", "logged", "hello"), 5);
        store.enqueue("0", new QueuedMessage("q1", 7, "e", "queued", 1_700_000_001L), 10);
        store.putLastSeen("0", 7, 1_700_000_002L);

        reopen();
        assertThat(store.userKey("0", 7)).contains("key7");
        assertThat(store.historyLength("0", "logged")).hasValue(5);
        assertThat(store.history("0", "logged", 99)).containsExactly(
                new PipeMessage("m1", 1_700_000_000L, "logged", "ev", "hello", 3));
        assertThat(store.queue("0", 7, 10)).containsExactly(new QueuedMessage("q1", 7, "e", "queued", 1_700_000_001L));
        assertThat(store.lastSeen("0", 7)).hasValue(1_700_000_002L);
        assertThat(dir.resolve(SqliteStore.FILE_NAME)).exists();
    }

    @Test
    void rowsOfTwoTenantsNeverMix() {
        reopen();
        store.putUserKey("0", 7, "a");
        store.putUserKey("15", 7, "b");
        store.appendHistory("0", msg("m1", "pipe", "t0"), 5);
        store.enqueue("15", new QueuedMessage("q", 7, "e", "t15", 1), 10);
        store.putLastSeen("15", 7, 9);

        assertThat(store.userKey("0", 7)).contains("a");
        assertThat(store.userKey("15", 7)).contains("b");
        assertThat(store.history("15", "pipe", 99)).isEmpty();
        assertThat(store.queue("0", 7, 10)).isEmpty();
        assertThat(store.lastSeen("0", 7)).isEmpty();
        assertThat(store.deleteUserKey("15", 7)).isTrue();
        assertThat(store.userKey("0", 7)).contains("a");
    }

    @Test
    void historyIsTrimmedAndReadOldestFirst() {
        reopen();
        for (int i = 1; i <= 6; i++) {
            store.appendHistory("0", msg("m" + i, "p", "t" + i), 4);
        }
        assertThat(store.history("0", "p", 99)).extracting(PipeMessage::text).containsExactly("t3", "t4", "t5", "t6");
        assertThat(store.history("0", "p", 2)).extracting(PipeMessage::text).containsExactly("t5", "t6");
        store.putHistoryLength("0", "p", 1, 1);
        assertThat(store.history("0", "p", 99)).extracting(PipeMessage::text).containsExactly("t6");
        assertThat(store.deleteHistoryMessage("0", "p", "m6")).isTrue();
        assertThat(store.history("0", "p", 99)).isEmpty();
    }

    @Test
    void aHistoryMessageIsDeletedByIdInAnyPipeOfItsTenantOnly() {
        reopen();
        store.appendHistory("0", msg("m1", "p", "t1"), 5);
        store.appendHistory("0", msg("m2", "q", "t2"), 5);
        store.appendHistory("15", msg("m3", "p", "t3"), 5);
        assertThat(store.deleteHistoryMessage("0", "m3")).isFalse();
        assertThat(store.deleteHistoryMessage("0", "m2")).isTrue();
        reopen();
        assertThat(store.deleteHistoryMessage("0", "m2")).isFalse();
        assertThat(store.history("0", "q", 99)).isEmpty();
        assertThat(store.history("0", "p", 99)).extracting(PipeMessage::id).containsExactly("m1");
        assertThat(store.history("15", "p", 99)).extracting(PipeMessage::id).containsExactly("m3");
    }

    @Test
    void queueIsBoundedAndDequeuedById() {
        reopen();
        assertThat(store.enqueue("0", new QueuedMessage("a", 7, "e", "1", 1), 2)).isTrue();
        assertThat(store.enqueue("0", new QueuedMessage("b", 7, "e", "2", 1), 2)).isTrue();
        assertThat(store.enqueue("0", new QueuedMessage("c", 7, "e", "3", 1), 2)).isFalse();
        assertThat(store.queue("0", 7, 10)).extracting(QueuedMessage::id).containsExactly("a", "b");
        assertThat(store.dequeue("0", 7, "a")).isTrue();
        assertThat(store.dequeue("0", 7, "a")).isFalse();
        store.clearQueue("0", 7);
        assertThat(store.queue("0", 7, 10)).isEmpty();
    }

    @Test
    void fullDiskIsAClearErrorAndLosesNothingAccepted() {
        reopen();
        store.putUserKey("0", 1, "kept");
        store.capPages(pageCount() + 1);
        String big = "x".repeat(4000);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                store.appendHistory("0", msg("m" + i, "trust_big", big), 99);
            }
        }).isInstanceOf(CometStoreException.class)
                .hasMessageContaining("appending to pipe history failed for tenant 0")
                .hasMessageContaining("SQLITE_FULL")
                .satisfies(e -> {
                    assertThat(((CometStoreException) e).isFull()).as("isFull").isTrue();
                    assertThat(((CometStoreException) e).clientMessage()).startsWith("Store full: no space left");
                });
        int kept = store.history("0", "trust_big", 99).size();

        reopen();
        assertThat(store.userKey("0", 1)).contains("kept");
        assertThat(store.history("0", "trust_big", 99)).hasSize(kept);
    }

    private long pageCount() {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
             var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unusableDataDirectoryIsAClearError() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> SqliteStore.open(notADir.resolve("data"), FsyncPolicy.FULL))
                .isInstanceOf(CometStoreException.class)
                .hasMessageContaining("cannot create data directory");
    }

    @Test
    void usesWalWithTheChosenSynchronousLevel() throws Exception {
        store = SqliteStore.open(dir, FsyncPolicy.FULL);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        assertThat(List.of(FsyncPolicy.parse("Full"), FsyncPolicy.parse("normal")))
                .containsExactly(FsyncPolicy.FULL, FsyncPolicy.NORMAL);
        assertThatThrownBy(() -> FsyncPolicy.parse("sometimes")).hasMessageContaining("'full' or 'normal'");
    }

    @Test
    void aClosedStoreFailsClearly() {
        reopen().close();
        assertThatThrownBy(() -> store.putUserKey("0", 1, "k")).isInstanceOf(CometStoreException.class)
                .hasMessageContaining("storing user key failed for tenant 0");
        store = null;
    }
}
