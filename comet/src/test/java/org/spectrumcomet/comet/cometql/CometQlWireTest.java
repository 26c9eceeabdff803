package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.spectrumcomet.comet.mysql.Capabilities;
import org.spectrumcomet.comet.mysql.NativePassword;

/** The listener at the packet level, with a raw socket: what real drivers rarely or never send. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(20)
class CometQlWireTest {
    CometQlServer server;

    @BeforeAll
    void start() throws Exception {
        server = new CometQlServer();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void greetingHasPrintableSaltNoSslNoCompressionAndANumericVersion() throws IOException {
        try (WireClient c = new WireClient(server.port())) {
            byte[] g = c.readGreeting();
            assertThat(g[0]).isEqualTo((byte) 10);
            assertThat(new String(g, 1, 10, StandardCharsets.US_ASCII)).matches("\\d\\.\\d\\.\\d+-.*");
            for (byte b : c.salt) {
                assertThat(b).isBetween((byte) 0x21, (byte) 0x7E);
            }
            int at = 1;
            while (g[at] != 0) {
                at++;
            }
            int lower = (g[at + 14] & 0xFF) | (g[at + 15] & 0xFF) << 8;
            assertThat(lower & Capabilities.SSL).isZero();
            assertThat(lower & Capabilities.COMPRESS).isZero();
            assertThat(lower & Capabilities.PROTOCOL_41).isNotZero();
        }
    }

    @Test
    void pipelinedQueriesAreAnsweredInOrder() throws IOException {
        try (WireClient c = new WireClient(server.port())) {
            assertThat(c.logIn()[0]).isEqualTo((byte) 0x00);
            c.write(WireClient.query("INSERT INTO pipes_settings (name, length) VALUES ('pipelined', 5)"),
                    WireClient.query("INSERT INTO pipes_messages (name, event, message) VALUES ('pipelined', 'e', 'one')"),
                    WireClient.query("SELECT message FROM pipes_messages WHERE name = 'pipelined'"),
                    WireClient.query("SELECT * FROM nosuch WHERE name = 'abc'"),
                    WireClient.query("SELECT 'last'"));
            byte[] first = c.readPacket();
            assertThat(first[0]).isEqualTo((byte) 0x00);
            assertThat(first[1]).isEqualTo((byte) 1); // pipes_settings: 1 affected row
            assertThat(c.lastSequence).isEqualTo(1);
            assertThat(c.readPacket()).startsWith(0x00, 0x00);
            assertThat(resultRows(c)).containsExactly("one");
            assertThat(WireClient.errorCode(c.readPacket())).isEqualTo(15);
            assertThat(resultRows(c)).containsExactly("last");
        }
    }

    /** Reads a one-column result set; returns its values. */
    private static List<String> resultRows(WireClient c) throws IOException {
        assertThat(c.readPacket()).containsExactly(1);
        c.readPacket(); // column definition
        assertThat(c.readPacket()[0]).isEqualTo((byte) 0xFE);
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        for (byte[] row = c.readPacket(); (row[0] & 0xFF) != 0xFE; row = c.readPacket()) {
            values.add(new String(row, 1, row[0], StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void serverSidePrepareIsRefusedWithAnErrAndTheConnectionStaysUsable() throws IOException {
        try (WireClient c = new WireClient(server.port())) {
            c.logIn();
            byte[] prepare = "\u0016SELECT * FROM pipes WHERE name = ?".getBytes(StandardCharsets.UTF_8);
            c.send(0, prepare);
            byte[] err = c.readPacket();
            assertThat(WireClient.errorCode(err)).isEqualTo(2);
            assertThat(WireClient.errorMessage(err)).contains("useServerPrepStmts=false");
            c.send(0, new byte[] {0x19, 1, 0, 0, 0}); // COM_STMT_CLOSE: no answer expected
            c.send(0, new byte[] {0x0E});              // COM_PING
            assertThat(c.readPacket()[0]).isEqualTo((byte) 0x00);
            c.send(0, new byte[] {0x04, 'p', 'i', 'p', 'e', 's', 0}); // COM_FIELD_LIST
            assertThat(c.readPacket()[0]).isEqualTo((byte) 0xFE);
            c.send(0, "\u0002other_db".getBytes(StandardCharsets.UTF_8)); // COM_INIT_DB
            assertThat(WireClient.errorCode(c.readPacket())).isEqualTo(15);
            c.send(0, "\u0002CometQL_v1".getBytes(StandardCharsets.UTF_8));
            assertThat(c.readPacket()[0]).isEqualTo((byte) 0x00);
            c.send(0, new byte[] {0x01}); // COM_QUIT
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void anotherAuthPluginIsSwitchedToNativePassword() throws IOException {
        try (WireClient c = new WireClient(server.port())) {
            c.readGreeting();
            c.send(1, WireClient.login(WireClient.LOGIN_FLAGS, "root", new byte[32], "CometQL_v1",
                    "caching_sha2_password"));
            byte[] switchRequest = c.readPacket();
            assertThat(switchRequest[0]).isEqualTo((byte) 0xFE);
            assertThat(new String(switchRequest, 1, NativePassword.PLUGIN.length(), StandardCharsets.US_ASCII))
                    .isEqualTo(NativePassword.PLUGIN);
            assertThat(c.lastSequence).isEqualTo(2);
            c.send(3, NativePassword.scramble(CometQlServer.ROOT_KEY, c.salt));
            assertThat(c.readPacket()[0]).isEqualTo((byte) 0x00);
            assertThat(c.lastSequence).isEqualTo(4);
        }
    }

    @Test
    void badLoginsGetErr16AndAreClosed() throws IOException {
        try (WireClient c = new WireClient(server.port())) {
            c.readGreeting();
            c.send(1, WireClient.login(WireClient.LOGIN_FLAGS, "root", new byte[20], "CometQL_v1", NativePassword.PLUGIN));
            byte[] err = c.readPacket();
            assertThat(WireClient.errorCode(err)).isEqualTo(16);
            assertThat(WireClient.errorMessage(err)).contains("Authentication failure");
            assertThat(c.closedByServer()).isTrue();
        }
        try (WireClient c = new WireClient(server.port())) {
            c.readGreeting();
            c.send(1, new byte[] {1, 2, 3}); // garbage
            assertThat(WireClient.errorCode(c.readPacket())).isEqualTo(16);
            assertThat(c.closedByServer()).isTrue();
        }
        try (WireClient c = new WireClient(server.port())) {
            c.readGreeting();
            byte[] sslRequest = new byte[32];
            int flags = WireClient.LOGIN_FLAGS | Capabilities.SSL;
            sslRequest[0] = (byte) flags;
            sslRequest[1] = (byte) (flags >> 8);
            sslRequest[2] = (byte) (flags >> 16);
            c.send(1, sslRequest);
            assertThat(WireClient.errorMessage(c.readPacket())).contains("TLS");
            assertThat(c.closedByServer()).isTrue();
        }
        try (WireClient c = new WireClient(server.port())) {
            assertThat(c.logIn()[0]).isEqualTo((byte) 0x00); // the server is unharmed
        }
    }

    @Test
    void tooShortAndTooLongQueriesAreRefused() throws IOException {
        try (WireClient c = new WireClient(server.port())) {
            c.logIn();
            c.write(WireClient.query("   "), WireClient.query("SELECT '" + "x".repeat(9000) + "'"));
            assertThat(WireClient.errorCode(c.readPacket())).isEqualTo(17);
            assertThat(WireClient.errorCode(c.readPacket())).isEqualTo(11);
        }
    }

    @Test
    void oversizePacketGetsAnErrAndTheConnectionCloses() throws Exception {
        try (CometQlServer small = new CometQlServer(CometQlServer.settings(10, Duration.ofMinutes(1), 1000));
             WireClient c = new WireClient(small.port())) {
            c.logIn();
            // Announce 1 MiB but send only the header: the server must not wait for the payload.
            c.write(new byte[] {0, 0, 0x10, 0, 0x03});
            byte[] err = c.readPacket();
            assertThat(WireClient.errorCode(err)).isEqualTo(11);
            assertThat(WireClient.errorMessage(err)).contains("1000");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedWith1040() throws Exception {
        try (CometQlServer small = new CometQlServer(CometQlServer.settings(1, Duration.ofMinutes(1), 1 << 20));
             WireClient first = new WireClient(small.port())) {
            first.logIn();
            try (WireClient second = new WireClient(small.port())) {
                byte[] err = second.readPacket();
                assertThat(WireClient.errorCode(err)).isEqualTo(1040);
                assertThat(WireClient.errorMessage(err)).contains("Too many connections");
                assertThat(second.closedByServer()).isTrue();
            }
            first.write(WireClient.query("SELECT 'still here'"));
            assertThat(first.readPacket()).containsExactly(1);
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (CometQlServer small = new CometQlServer(CometQlServer.settings(10, Duration.ofMillis(300), 1 << 20));
             WireClient c = new WireClient(small.port())) {
            c.logIn();
            long start = System.nanoTime();
            assertThat(c.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
