package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.protocol.pb.Protocol.Login;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The emulated main against a hand-driven backend socket (no process spawned). */
class MainInstanceTest {

    private static final byte[] PONG = {0, 0, 0, 2, 0x08, 0x0A};

    @TempDir
    Path dir;
    private MainInstance main;
    private Socket backend;

    @AfterEach
    void close() throws IOException {
        if (backend != null) {
            backend.close();
        }
        if (main != null) {
            main.close();
        }
    }

    private DataInputStream connect(MainOptions options) throws Exception {
        main = MainInstance.start(options);
        backend = new Socket("127.0.0.1", main.port());
        backend.setSoTimeout(5_000);
        assertThat(main.awaitLink(Duration.ofSeconds(5))).isNotNull();
        return new DataInputStream(backend.getInputStream());
    }

    private static WrapperMessage read(DataInputStream in) throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return WrapperMessage.parseFrom(body);
    }

    private void write(byte[] bytes) throws IOException {
        OutputStream out = backend.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    @Test
    void pingsOnAcceptAndHoldsLoginUntilTheFirstPong() throws Exception {
        DataInputStream in = connect(MainOptions.defaults(dir));
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_PING);
        main.recording().awaitRecord(0, Duration.ofSeconds(5), r -> true);
        main.user("u@localhost").login("u", "pw");
        write(PONG);
        WrapperMessage login = read(in);
        assertThat(login.getType()).isEqualTo(Type.TYPE_LOGIN);
        assertThat(Login.parseFrom(login.getPayload()).getUser()).isEqualTo("u@localhost");
        assertThat(main.link().firstPongAt()).isNotNull();
        // A user that did not wait in the queue also gets its presence, as in Spectrum.
        main.user("v@localhost").login("v", "pw");
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_LOGIN);
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_STATUS_CHANGED);
    }

    @Test
    void aBackendSilentForAPingPeriodIsDeclaredDeadSentExitAndClosed() throws Exception {
        DataInputStream in = connect(MainOptions.defaults(dir).withPingInterval(Duration.ofMillis(100)));
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_PING);
        write(PONG);
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_PING);
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_EXIT);
        assertThat(main.recording().awaitClosed(Duration.ofSeconds(5))).isTrue();
        assertThat(main.link().declaredDead()).isTrue();
        assertThat(main.violations().all()).extracting(Violation::rule).contains("ping-timeout");
        assertThatEof(in);
    }

    @Test
    void anIdleBackendIsSentExitAtATickWhenReapingIsOn() throws Exception {
        DataInputStream in = connect(MainOptions.defaults(dir).withPingInterval(Duration.ofMillis(100)).withExitIdleBackend(true));
        assertThat(read(in).getType()).isEqualTo(Type.TYPE_PING);
        write(PONG);
        Type next = read(in).getType();
        assertThat(next).isIn(Type.TYPE_PING, Type.TYPE_EXIT);
        assertThat(main.recording().awaitClosed(Duration.ofSeconds(5))).isTrue();
        assertThat(main.link().idleExited()).isTrue();
    }

    @Test
    void aMalformedFrameIsRecordedAndFlagged() throws Exception {
        DataInputStream in = connect(MainOptions.defaults(dir));
        read(in);
        write(new byte[] {0, 0, 0, 1, (byte) 0xFF});
        assertThat(main.recording().awaitRecord(0, Duration.ofSeconds(5),
                r -> r.direction() == FrameRecord.Direction.RECEIVED)).isPresent();
        main.link().settle();
        assertThat(main.violations().all()).extracting(Violation::rule).containsExactly("malformed-frame");
    }

    private static void assertThatEof(DataInputStream in) throws IOException {
        try {
            in.readByte();
            throw new AssertionError("expected EOF");
        } catch (EOFException expected) {
            // the main closed the connection
        }
    }
}
