package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.WebUser;

/**
 * Slowloris on our comet server: MySQL connections that take the greeting and never log in, and
 * HTTP connections that trickle one header byte per second, are closed 10 s after connect (the
 * CometQL login deadline, the first-request deadline); a logged-in CometQL connection idle just as
 * long stays open, and new clients are served meanwhile.
 */
class HalfOpenConnectionsTest {

    private static final Logger LOG = LoggerFactory.getLogger(HalfOpenConnectionsTest.class);
    private static final int EACH = 5;
    private static final long DEADLINE_MS = 10_000;

    @Test
    void halfOpenHandshakesAreClosedAfterTheirDeadlineAndOthersAreServed() throws Exception {
        try (CometServerProcess comet = CometServerProcess.start(CometServerProcess.Settings.inMemory(
                SpawnedBackend.workDir().resolve("half-open"), "faultkey"))) {
            CometTarget target = comet.target();
            long start = System.nanoTime();
            List<Socket> mysql = new ArrayList<>();
            List<Socket> http = new ArrayList<>();
            Map<Socket, Long> openedAt = new ConcurrentHashMap<>();
            for (int i = 0; i < EACH; i++) {
                Socket m = open(target.cometqlPort());
                openedAt.put(m, ms(start));
                assertThat(m.getInputStream().read()).as("greeting").isNotNegative();
                m.setSoTimeout(1);
                mysql.add(m);
                Socket h = open(target.wsPort());
                openedAt.put(h, ms(start));
                h.getOutputStream().write("GET /ws/sesion=".getBytes(StandardCharsets.US_ASCII));
                h.setSoTimeout(1);
                http.add(h);
            }
            try (Connection idle = DriverManager.getConnection(target.jdbcUrl(), target.cometqlUser(), target.tenantKey())) {
                Map<Socket, Long> closedAt = new ConcurrentHashMap<>();
                List<Socket> all = new ArrayList<>(mysql);
                all.addAll(http);
                long lastOpened = openedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
                while (closedAt.size() < all.size() && ms(start) < lastOpened + DEADLINE_MS + 5000) {
                    for (Socket s : all) {
                        if (!closedAt.containsKey(s) && closed(s)) {
                            closedAt.put(s, ms(start) - openedAt.get(s));
                        }
                    }
                    for (Socket h : http) {
                        if (!closedAt.containsKey(h)) {
                            trickle(h);
                        }
                    }
                    Thread.sleep(200);
                }
                LOG.info("half-open connections closed after (ms): mysql {} http {}",
                        mysql.stream().map(closedAt::get).toList(), http.stream().map(closedAt::get).toList());
                assertThat(closedAt).as("every half-open connection closed").hasSize(all.size());
                assertThat(closedAt.values()).as("ms from each connect to its close").allSatisfy(ms ->
                        assertThat(ms).isBetween(DEADLINE_MS - 1000, DEADLINE_MS + 4000));

                try (Statement st = idle.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM users_time WHERE id = 1")) {
                    assertThat(rs.next()).as("a logged-in connection idle as long is still served").isTrue();
                }
                try (CometQl site = new CometQl(target)) {
                    site.setKey(42, "key42");
                }
                try (WebUser web = WebUser.connect(target, 42, "key42")) {
                    assertThat(web.authorized()).as("a new WebSocket user is served").isTrue();
                }
            } finally {
                for (Socket s : mysql) {
                    s.close();
                }
                for (Socket s : http) {
                    s.close();
                }
            }
        }
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    /** True when the server closed {@code s} (EOF or reset); skips whatever it sent. */
    private static boolean closed(Socket s) {
        try {
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void trickle(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('a');
            out.flush();
        } catch (IOException e) {
            // closed: seen by closed()
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
