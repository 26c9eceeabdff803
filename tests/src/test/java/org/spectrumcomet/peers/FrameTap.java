package org.spectrumcomet.peers;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A recording backend launcher for tests: Spectrum 2 spawns it as its backend
 * ({@code java ... FrameTap LOG REAL-BACKEND-WORDS... --host H --port P --service.backend_id=N -n CONFIG}).
 * It connects to the real main at H:P, listens on a free loopback port of its own, spawns the
 * real backend with {@code --host 127.0.0.1 --port <that port>} and the remaining arguments
 * unchanged, and relays whole frames both ways, appending each one to LOG ({@link TappedFrame}).
 *
 * <p>Plain blocking sockets, one thread per direction: a test tool for one connection. When
 * either side closes, both sockets are closed, the backend gets 10 s to exit (it must on EOF)
 * and is then killed, and the tap exits. Frames above {@value #MAX_FRAME} bytes end the relay
 * (the main accepts any size, but no frame in these tests comes near).
 */
public final class FrameTap {

    static final int MAX_FRAME = 16 * 1024 * 1024;

    private final OutputStream log;
    private final long pid = ProcessHandle.current().pid();

    private FrameTap(OutputStream log) {
        this.log = log;
    }

    /**
     * {@code real} behind a tap writing to {@code log}: this JVM's java with the module's built
     * classes ({@code tests/target/test-classes}, the tests jar and {@code tests/target/lib/*}).
     */
    static PeerBackend around(PeerBackend real, Path log) {
        Path target = PeerBackend.repoRoot().resolve("tests/target");
        String classPath = target.resolve("test-classes") + ":" + target.resolve("spectrum-comet-tests.jar") + ":"
                + target.resolve("lib") + "/*";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new PeerBackend(java + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp " + classPath + " "
                + FrameTap.class.getName() + " " + log + " " + real.command(), real.extraConfig());
    }

    public static void main(String[] args) throws Exception {
        int host = Arrays.asList(args).indexOf("--host");
        if (args.length < 6 || host < 2 || !"--port".equals(args[host + 2])) {
            System.err.println("usage: FrameTap LOG BACKEND-COMMAND... --host H --port P [backend args...]");
            System.exit(2);
        }
        Path logFile = Path.of(args[0]);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        List<String> backend = new ArrayList<>(Arrays.asList(args).subList(1, host));
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(host + 4, args.length));
        try (FileOutputStream out = new FileOutputStream(logFile.toFile(), true)) {
            new FrameTap(out).run(args[host + 1], Integer.parseInt(args[host + 3]), backend, rest);
        }
        System.exit(0);
    }

    private void run(String mainHost, int mainPort, List<String> backend, List<String> rest) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket main = new Socket(mainHost, mainPort)) {
            main.setTcpNoDelay(true);
            List<String> command = new ArrayList<>(backend);
            command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(listener.getLocalPort())));
            command.addAll(rest);
            Process process = new ProcessBuilder(command).inheritIO().start();
            listener.setSoTimeout(60_000);
            try (Socket back = listener.accept()) {
                back.setTcpNoDelay(true);
                Thread up = relay(back, main, false);
                relay(main, back, true).join();
                up.join(10_000);
            } finally {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    System.err.println("FrameTap " + pid + ": backend did not exit on EOF, killing it");
                    process.destroyForcibly();
                }
            }
        }
    }

    /** Starts relaying frames from {@code in} to {@code out}; on the end of either, closes both. */
    private Thread relay(Socket in, Socket out, boolean fromMain) {
        Thread t = new Thread(() -> {
            try {
                DataInputStream reader = new DataInputStream(in.getInputStream());
                // Buffered so that each frame leaves in one write, as backends and the main write them.
                DataOutputStream writer = new DataOutputStream(new BufferedOutputStream(out.getOutputStream(), 1 << 16));
                while (true) {
                    int length = reader.readInt();
                    if (length < 0 || length > MAX_FRAME) {
                        throw new IOException("frame of " + Integer.toUnsignedString(length) + " bytes");
                    }
                    byte[] body = new byte[length];
                    reader.readFully(body);
                    Instant at = Instant.now();
                    writer.writeInt(length);
                    writer.write(body);
                    writer.flush();
                    // Relayed first: decoding and logging must not delay the frame (or a PONG).
                    record(TappedFrame.of(at, pid, fromMain, body));
                }
            } catch (EOFException e) {
                // the sender closed: normal end
            } catch (IOException e) {
                System.err.println("FrameTap " + pid + " " + (fromMain ? "main→backend" : "backend→main") + ": " + e);
            } finally {
                closeQuietly(in);
                closeQuietly(out);
            }
        }, fromMain ? "tap-from-main" : "tap-from-backend");
        t.start();
        return t;
    }

    /** One line per frame, in one write (several taps append to the same file). */
    private synchronized void record(TappedFrame frame) throws IOException {
        log.write((frame.line() + "\n").getBytes(StandardCharsets.UTF_8));
        log.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
