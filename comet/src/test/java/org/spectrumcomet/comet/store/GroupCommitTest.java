package org.spectrumcomet.comet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;
    Path file;
    GroupCommit commit;
    final ExecutorService callers = Executors.newFixedThreadPool(16);

    @BeforeEach
    void open() throws SQLException {
        file = dir.resolve("g.db");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.executeQuery("PRAGMA journal_mode = WAL").close();
            st.execute("PRAGMA synchronous = FULL");
            st.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY AUTOINCREMENT, pipe TEXT, v TEXT UNIQUE)");
        }
        commit = new GroupCommit(file, c, 8);
    }

    @AfterEach
    void close() throws SQLException {
        callers.shutdownNow();
        commit.close();
        commit.closeConnection();
    }

    private static int insert(Connection c, String pipe, String v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (pipe, v) VALUES (?, ?)")) {
            ps.setString(1, pipe);
            ps.setString(2, v);
            return ps.executeUpdate();
        }
    }

    /** What another connection (a restarted server) sees: only committed rows. */
    private List<String> committed(String pipe) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE pipe = ? ORDER BY seq")) {
            ps.setString(1, pipe);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** Holds the writer inside a write until the returned latch is opened. */
    private CountDownLatch blockWriter() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> commit.write("blocking", "0", c -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return insert(c, "block", "b");
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void concurrentWritesShareOneCommitAndEachIsVisibleWhenItReturns() throws Exception {
        CountDownLatch release = blockWriter();
        long before = commit.commits();
        List<Future<List<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String v = "v" + i;
            calls.add(callers.submit(() -> {
                commit.write("inserting", "0", c -> insert(c, "p" + v, v));
                return committed("p" + v); // acknowledged ⇒ already committed
            }));
        }
        // Nothing is acknowledged while the batch before them is still open.
        Thread.sleep(100);
        assertThat(calls).noneMatch(Future::isDone);
        assertThat(committed("p" + "v0")).isEmpty();
        release.countDown();
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).containsExactly("v" + i);
        }
        assertThat(commit.commits() - before).as("commits for the blocked write and the six queued")
                .isBetween(1L, 3L);
    }

    @Test
    void aFailingWriteFailsAloneAndTheRestOfItsBatchCommits() throws Exception {
        commit.write("seeding", "0", c -> insert(c, "seed", "taken"));
        CountDownLatch release = blockWriter();
        Future<?> ok1 = callers.submit(() -> commit.write("inserting", "0", c -> insert(c, "p", "a")));
        Thread.sleep(50);
        Future<?> bad = callers.submit(() -> commit.write("inserting a duplicate", "7", c -> {
            insert(c, "p", "half-done"); // rolled back with its savepoint
            return insert(c, "p", "taken");
        }));
        Thread.sleep(50);
        Future<?> ok2 = callers.submit(() -> commit.write("inserting", "0", c -> insert(c, "p", "c")));
        release.countDown();
        ok1.get(10, TimeUnit.SECONDS);
        ok2.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(CometStoreException.class)
                .hasMessageContaining("inserting a duplicate failed for tenant 7")
                .hasMessageContaining("UNIQUE");
        assertThat(committed("p")).containsExactly("a", "c");
    }

    @Test
    void writesKeepTheirSubmissionOrder() throws Exception {
        for (int i = 0; i < 50; i++) {
            int n = i;
            commit.write("inserting", "0", c -> insert(c, "ordered", "o" + n));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("o" + i);
        }
        assertThat(committed("ordered")).containsExactlyElementsOf(expected);
    }

    @Test
    void aLostTransactionFailsEveryWriteOfTheBatchAndKeepsNone() throws Exception {
        CountDownLatch release = blockWriter();
        Future<?> first = callers.submit(() -> commit.write("inserting", "0", c -> insert(c, "lost", "x1")));
        Thread.sleep(50);
        // Ends the group's transaction behind the writer's back, as SQLite does on SQLITE_FULL.
        Future<?> abort = callers.submit(() -> commit.write("aborting", "0", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            }
            throw new SQLException("simulated abort");
        }));
        release.countDown();
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(CometStoreException.class);
        assertThatThrownBy(() -> abort.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(CometStoreException.class);
        assertThat(committed("lost")).isEmpty();
        assertThat(committed("block")).as("the batch before, committed on its own").containsExactly("b");
        // The writer goes on with the next group.
        commit.write("inserting", "0", c -> insert(c, "after", "y"));
        assertThat(committed("after")).containsExactly("y");
    }

    @Test
    void aFullQueueRefusesAtOnceWithAClearError() throws Exception {
        CountDownLatch release = blockWriter();
        List<Future<?>> queued = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String v = "q" + i;
            queued.add(callers.submit(() -> commit.write("inserting", "0", c -> insert(c, "q", v))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.pending() < 8) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThatThrownBy(() -> commit.write("one too many", "3", c -> insert(c, "q", "refused")))
                .isInstanceOf(CometStoreException.class)
                .hasMessageContaining("one too many failed for tenant 3")
                .hasMessageContaining("store overloaded").hasMessageContaining("nothing was stored");
        release.countDown();
        for (Future<?> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(committed("q")).hasSize(8).doesNotContain("refused");
    }

    @Test
    void afterCloseWritesAreRefused() {
        commit.close();
        assertThatThrownBy(() -> commit.write("storing", "0", c -> insert(c, "z", "z")))
                .isInstanceOf(CometStoreException.class).hasMessageContaining("store closed");
    }
}
