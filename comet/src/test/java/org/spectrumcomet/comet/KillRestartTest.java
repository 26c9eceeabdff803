package org.spectrumcomet.comet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * kill -9 in the middle of traffic, then a restart on the same data directory: every write the
 * server acknowledged (CometQL OK) is there exactly once — queued private messages of an offline
 * user, pipe history — and nothing delivered live comes back.
 *
 * <p>One writer sends, in a loop, a private message to offline user A, a message to a pipe with
 * history length 99, and a private message to user B, who is connected over the CppComet
 * WebSocket. Each carries its sequence number; the writer stops at the first failure, so the
 * acknowledged ones are exactly 1..n and at most message n+1 was in flight at the kill.
 */
class KillRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "restartkey";
    private static final long USER_A = 101;
    private static final long USER_B = 102;
    private static final String PIPE = "restart_log";
    /**
     * Kill once this many rounds were acknowledged (more than the 99 the pipe keeps), or after
     * {@link #MAX_TRAFFIC} on a slow disk, whichever comes first.
     */
    private static final int ROUNDS_BEFORE_KILL = 150;
    private static final Duration MAX_TRAFFIC = Duration.ofSeconds(8);
    /** The writer gives up here (below the 1000-message offline queue bound), so a kill is mid-traffic. */
    private static final int MAX_ROUNDS = 900;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ServerProcess launch() throws Exception {
        ServerProcess server = ServerProcess.launch(dir, "--data-dir", dir.resolve("data").toString(),
                "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0", "--tenant", "0:" + KEY);
        open.add(server);
        return server;
    }

    private FrameClient connect(ServerProcess server, long user, String key) throws Exception {
        FrameClient client = FrameClient.open(http, "ws://127.0.0.1:" + server.wsPort() + "/ws/sesion=" + key
                + "&myid=" + user + "&devid=0&v=4.09&uuid=" + "%032x".formatted(user) + "&api=js");
        open.add(client);
        JsonNode info = client.next();
        assertThat(info.path("event").asText()).isEqualTo("serverInfo");
        assertThat(info.path("authorized").asBoolean()).as("user %d authorised", user).isTrue();
        return client;
    }

    /** What the writer got acknowledged before the connection died. */
    private static final class Writer implements Runnable {
        final AtomicInteger ackedA = new AtomicInteger();
        final AtomicInteger ackedPipe = new AtomicInteger();
        final AtomicInteger ackedB = new AtomicInteger();
        final AtomicReference<SQLException> failure = new AtomicReference<>();
        private final Connection connection;

        Writer(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            try (Statement st = connection.createStatement()) {
                for (int i = 1; i <= MAX_ROUNDS; i++) {
                    st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (" + USER_A
                            + ", 'seq', 'a-" + i + "')");
                    ackedA.set(i);
                    st.executeUpdate("INSERT INTO pipes_messages (name, event, message) VALUES ('" + PIPE
                            + "', 'seq', 'p-" + i + "')");
                    ackedPipe.set(i);
                    st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (" + USER_B
                            + ", 'seq', 'b-" + i + "')");
                    ackedB.set(i);
                }
            } catch (SQLException e) {
                failure.set(e);
            }
        }
    }

    @Test
    void acknowledgedMessagesSurviveKillMinusNineExactlyOnce() throws Exception {
        ServerProcess first = launch();
        try (Connection c = first.cometql("root", KEY); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO users_auth (id, hash) VALUES (" + USER_A + ", 'keyA')");
            st.executeUpdate("INSERT INTO users_auth (id, hash) VALUES (" + USER_B + ", 'keyB')");
            st.executeUpdate("INSERT INTO pipes_settings (name, length) VALUES ('" + PIPE + "', 99)");
        }
        FrameClient userB = connect(first, USER_B, "keyB");

        Connection writerConnection = first.cometql("root", KEY);
        open.add(writerConnection);
        Writer writer = new Writer(writerConnection);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(writer);
        long deadline = System.nanoTime() + MAX_TRAFFIC.toNanos();
        while (writer.ackedB.get() < ROUNDS_BEFORE_KILL && !writing.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.kill();
        writing.get(10, TimeUnit.SECONDS);
        assertThat(writer.failure).as("the writer was still writing when the server died").doesNotHaveNullValue();
        int ackedA = writer.ackedA.get();
        int ackedPipe = writer.ackedPipe.get();
        assertThat(ackedA).as("acknowledged rounds before the kill").isPositive();

        // B was online: what it got live it got once and in order.
        List<Integer> live = sequence(userB.all, "msg", "b-");
        assertThat(live).isNotEmpty().doesNotHaveDuplicates().isSorted();
        assertThat(live.get(live.size() - 1)).isLessThanOrEqualTo(writer.ackedB.get() + 1);

        ServerProcess second = launch();
        FrameClient userA = connect(second, USER_A, "keyA");
        // Everything until 300 ms of silence once the acknowledged count is reached: duplicates and
        // the in-flight message would come in the same replay.
        List<JsonNode> replayed = new ArrayList<>();
        String text;
        while ((text = userA.frames.poll(replayed.size() < ackedA ? 5000 : 300, TimeUnit.MILLISECONDS)) != null) {
            replayed.add(parse(text));
        }
        for (JsonNode f : replayed) {
            assertThat(f.path("pipe").asText()).as("frame %s", f).isEqualTo("msg");
            assertThat(f.path("fromQueue").asBoolean()).as("frame %s", f).isTrue();
        }
        List<Integer> delivered = replayed.stream().map(f -> seq(f, "a-")).toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= ackedA; i++) {
            expected.add(i);
        }
        if (delivered.size() == ackedA + 1) {
            expected.add(ackedA + 1); // the INSERT in flight at the kill made it to disk
        }
        assertThat(delivered).as("every acknowledged message once, in order").isEqualTo(expected);

        userA.close();
        FrameClient again = connect(second, USER_A, "keyA");
        again.expectSilence(Duration.ofMillis(500));
        FrameClient userBAgain = connect(second, USER_B, "keyB");
        userBAgain.expectSilence(Duration.ofMillis(300)); // live deliveries were never queued

        try (Connection c = second.cometql("root", KEY); Statement st = c.createStatement()) {
            assertThat(rows(st, "SELECT message FROM users_messages WHERE id = " + USER_A)).isEmpty();
            List<String> history = rows(st, "SELECT message FROM pipes_messages WHERE name = '" + PIPE + "'");
            int last = history.isEmpty() ? 0 : Integer.parseInt(history.get(history.size() - 1).substring(2));
            assertThat(last).as("newest kept pipe message").isBetween(ackedPipe, ackedPipe + 1);
            List<String> newest = new ArrayList<>();
            for (int i = Math.max(1, last - 98); i <= last; i++) {
                newest.add("p-" + i);
            }
            assertThat(history).as("the newest 99 pipe messages, oldest first").isEqualTo(newest);
        }
        assertThat(second.stop()).isZero();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static int seq(JsonNode frame, String prefix) {
        String data = frame.path("data").asText();
        assertThat(data).as("frame %s", frame).startsWith(prefix);
        return Integer.parseInt(data.substring(prefix.length()));
    }

    private static List<Integer> sequence(List<String> frames, String pipe, String prefix) {
        return frames.stream().map(KillRestartTest::parse).filter(f -> pipe.equals(f.path("pipe").asText()))
                .map(f -> seq(f, prefix)).toList();
    }

    private static List<String> rows(Statement st, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
