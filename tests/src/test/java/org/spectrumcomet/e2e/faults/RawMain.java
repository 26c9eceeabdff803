package org.spectrumcomet.e2e.faults;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A main instance reduced to a blocking socket, for faults the emulated main cannot play: it stops
 * reading at a test's command (its own ping schedule would declare the backend dead), and it can
 * run as its own process ({@link #main}) so a test can kill -9 it.
 *
 * <p>Frames are Spectrum's: a 4-byte big-endian length, then a {@code WrapperMessage}. Only the
 * test thread writes; one reader thread decodes into a bounded queue (frames past 10,000 are
 * counted, not kept) unless {@link #stopReading()} was called.
 */
final class RawMain implements AutoCloseable {

    private static final int KEPT = 10_000;

    private final ServerSocket server;
    private final BlockingQueue<WrapperMessage> received = new LinkedBlockingQueue<>(KEPT);
    private volatile boolean reading = true;
    private volatile Socket socket;
    private DataOutputStream out;
    private Thread reader;

    RawMain() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the backend's connection and starts reading it. */
    void accept(Duration timeout) throws IOException {
        server.setSoTimeout((int) timeout.toMillis());
        socket = server.accept();
        socket.setTcpNoDelay(true); // PONG latency is measured: no Nagle delay on our PINGs
        out = new DataOutputStream(socket.getOutputStream());
        reader = new Thread(this::readLoop, "raw-main-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The reader thread parks: the socket's receive buffer fills and the backend's writes stall. */
    void stopReading() {
        reading = false;
    }

    void resumeReading() {
        reading = true;
        synchronized (this) {
            notifyAll();
        }
    }

    void send(Type type, MessageLite payload) throws IOException {
        WrapperMessage.Builder wrapper = WrapperMessage.newBuilder().setType(type);
        if (payload != null) {
            wrapper.setPayload(payload.toByteString());
        }
        sendRaw(wrapper.build().toByteArray());
    }

    void send(Type type, ByteString payload) throws IOException {
        sendRaw(WrapperMessage.newBuilder().setType(type).setPayload(payload).build().toByteArray());
    }

    void sendRaw(byte[] body) throws IOException {
        byte[] frame = new byte[4 + body.length];
        frame[0] = (byte) (body.length >>> 24);
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        System.arraycopy(body, 0, frame, 4, body.length);
        out.write(frame);
        out.flush();
    }

    /** The next received frame of {@code type} (others are skipped), or null after {@code timeout}. */
    WrapperMessage await(Type type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            WrapperMessage m = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null || m.getType() == type) {
                return m;
            }
        }
    }

    /** The next received frame of any type, or null after {@code timeout}. */
    WrapperMessage awaitAny(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void readLoop() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                synchronized (this) {
                    while (!reading) {
                        wait();
                    }
                }
                int length = in.readInt();
                byte[] body = new byte[length];
                in.readFully(body);
                received.offer(WrapperMessage.parseFrom(body));
            }
        } catch (IOException | InterruptedException e) {
            // the link ended; tests look at the backend process, not at this thread
        }
    }

    @Override
    public void close() throws IOException {
        Socket s = socket;
        if (s != null) {
            s.close();
        }
        server.close();
        if (reader != null) {
            reader.interrupt();
        }
    }

    /**
     * As a process: prints the port, accepts one backend, sends PING, then reads and discards
     * forever — until a test kills it.
     */
    public static void main(String[] args) throws Exception {
        try (RawMain main = new RawMain()) {
            System.out.println("raw-main port=" + main.port());
            System.out.flush();
            main.accept(Duration.ofSeconds(60));
            main.send(Type.TYPE_PING, (MessageLite) null);
            if (args.length == 2) {
                main.send(Type.TYPE_LOGIN, org.spectrumcomet.protocol.pb.Protocol.Login.newBuilder()
                        .setUser("u" + args[0] + "@localhost").setLegacyName(args[0]).setPassword(args[1]).build());
            }
            Thread.sleep(Long.MAX_VALUE);
        } catch (SocketTimeoutException e) {
            System.exit(3);
        }
    }
}
