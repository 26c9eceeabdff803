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

/** The gate relays by user, refuses a user's next connections, and freezes a user's bytes. */
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
        s.getOutputStream().write(("GET /ws/sesion=k&myid=" + user + "&devid=0&v=4.09 HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static String read(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    @Test
    void relaysTheRequestLineAndWhatFollows() throws IOException {
        try (Socket s = open(7)) {
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            String line = read(s.getInputStream(), "GET /ws/sesion=k&myid=7&devid=0&v=4.09 HTTP/1.1\r\n".length());
            assertThat(line).startsWith("GET /ws/sesion=k&myid=7&");
            assertThat(read(s.getInputStream(), 4)).isEqualTo("ping");
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
        String line = "GET /ws/sesion=k&myid=10&devid=0&v=4.09 HTTP/1.1\r\n";
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
