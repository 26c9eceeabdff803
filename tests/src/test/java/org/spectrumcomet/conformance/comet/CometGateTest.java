package org.spectrumcomet.conformance.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate relays by user (the request head in one piece), refuses a user's next connections, and
 * freezes a user's bytes.
 */
class CometGateTest {

    private ServerSocket upstream;
    private CometGate gate;

    @BeforeEach
    void start() throws IOException {
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread echo = new Thread(() -> {
            while (!upstream.isClosed()) {
                try {
                    Socket s = upstream.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException ignored) {
                            // peer gone
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        echo.setDaemon(true);
        echo.start();
        gate = new CometGate("127.0.0.1", upstream.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        gate.close();
        upstream.close();
    }

    private Socket open(long user) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), gate.port());
        s.setSoTimeout(1000);
        s.getOutputStream().write(head(user).getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static String head(long user) {
        return "GET /ws/sesion=k&myid=" + user + "&devid=0&v=4.09 HTTP/1.1\r\nHost: comet\r\n\r\n";
    }

    private static String read(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    @Test
    void relaysTheRequestHeadAndWhatFollows() throws IOException {
        try (Socket s = open(7)) {
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(s.getInputStream(), head(7).length())).isEqualTo(head(7));
            assertThat(read(s.getInputStream(), 4)).isEqualTo("ping");
        }
    }

    /** CppComet parses the upgrade request from one read (spec §I.4.1): a head sent in parts arrives whole. */
    @Test
    void sendsTheRequestHeadUpstreamInOnePiece() throws Exception {
        try (ServerSocket counting = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             CometGate countingGate = new CometGate("127.0.0.1", counting.getLocalPort());
             Socket s = new Socket(InetAddress.getLoopbackAddress(), countingGate.port())) {
            String head = head(11);
            int cut = head.indexOf('\n') + 1;
            s.getOutputStream().write(head.substring(0, cut).getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(100); // the request line alone would have gone upstream by now
            s.getOutputStream().write(head.substring(cut).getBytes(StandardCharsets.US_ASCII));
            try (Socket up = counting.accept()) {
                up.setSoTimeout(5000);
                byte[] buf = new byte[1024];
                int n = up.getInputStream().read(buf);
                assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo(head);
            }
        }
    }

    @Test
    void refusesOnlyTheNamedUserAndOnlyAsOftenAsAsked() throws IOException {
        gate.refuse(8, 1);
        try (Socket refused = open(8)) {
            assertThatThrownBy(() -> {
                int b = refused.getInputStream().read();
                if (b < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
        try (Socket other = open(9); Socket again = open(8)) {
            assertThat(read(other.getInputStream(), 3)).isEqualTo("GET");
            assertThat(read(again.getInputStream(), 3)).isEqualTo("GET");
        }
    }

    @Test
    void aFrozenUserMovesNoBytesUntilThawed() throws IOException {
        String line = head(10);
        try (Socket s = open(10)) {
            assertThat(read(s.getInputStream(), line.length())).isEqualTo(line);
            gate.freeze(10);
            s.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(500);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            gate.unfreeze(10);
            s.setSoTimeout(5000);
            assertThat(read(s.getInputStream(), 4)).isEqualTo("held");
        }
    }
}
