package org.spectrumcomet.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;

/**
 * The assembled server, in process and as a real process. Needs the CometQL and WebSocket
 * listeners; while they are placeholders these tests are skipped (not passed).
 */
class CometServerTest {

    @TempDir
    Path dir;
    /** Every process started, killed after each test whatever happened. */
    private final List<ServerProcess> launched = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (ServerProcess p : launched) {
            p.close();
        }
    }

    private static ServerConfig config(boolean inMemory, String dataDir, int cometqlPort) {
        ServerConfig.Builder b = new ServerConfig.Builder();
        b.cometql = new HostPort("127.0.0.1", cometqlPort);
        b.ws = new HostPort("127.0.0.1", 0);
        b.inMemory = inMemory;
        b.dataDir = dataDir;
        b.tenant("0", "testkey");
        return b.build();
    }

    private static CometServer startOrSkip(ServerConfig config) throws ServerStartException {
        try {
            return CometServer.start(config);
        } catch (ServerStartException e) {
            Assumptions.assumeFalse(e.getCause() instanceof UnsupportedOperationException,
                    "listeners not built yet: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void startsOnEphemeralPortsAndSaysSoInOneLine() throws Exception {
        try (CometServer server = startOrSkip(config(true, "./unused", 0))) {
            assertThat(server.readyLine()).matches("comet-server ready cometql=127\\.0\\.0\\.1:\\d+ "
                    + "ws=127\\.0\\.0\\.1:\\d+ http=127\\.0\\.0\\.1:\\d+ data=memory tenants=1");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.cometqlAddress().getPort())) {
                assertThat(s.isConnected()).isTrue();
            }
        }
    }

    @Test
    void portInUseIsOneClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = config(true, "./unused", taken.getLocalPort());
            try {
                CometServer.start(config).close();
            } catch (ServerStartException e) {
                Assumptions.assumeFalse(e.getCause() instanceof UnsupportedOperationException, "listeners not built");
                assertThat(e.getMessage()).isEqualTo("cannot listen on cometql 127.0.0.1:" + taken.getLocalPort()
                        + ": Address already in use");
                return;
            }
            throw new AssertionError("started on a taken port");
        }
    }

    // ---- as a process ----

    private ServerProcess launch(String... args) throws Exception {
        ServerProcess p = ServerProcess.launch(dir, args);
        launched.add(p);
        return p;
    }

    @Test
    void sigtermStopsCleanlyWithExitZero() throws Exception {
        ServerProcess server = launch("--in-memory", "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0",
                "--tenant", "0:testkey");
        assertThat(server.readyLine()).startsWith("comet-server ready ");
        assertThat(server.stop()).isZero(); // SIGTERM
    }

    @Test
    void acknowledgedWritesSurviveKillMinusNine() throws Exception {
        String data = dir.resolve("data").toString();
        String[] args = {"--data-dir", data, "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0", "--tenant", "0:testkey"};
        ServerProcess first = launch(args);
        try (Connection c = first.cometql("root", "testkey"); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO users_auth (id, hash) VALUES (7, 'durablekey')");
            st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (8, 'ev', 'kept while offline')");
        }
        first.kill();

        ServerProcess second = launch(args);
        try (Connection c = second.cometql("root", "testkey"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT hash FROM users_auth WHERE id = 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("durablekey");
            }
            try (ResultSet rs = st.executeQuery("SELECT message FROM users_messages WHERE id = 8")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept while offline");
            }
        } finally {
            second.stop();
        }
    }
}
