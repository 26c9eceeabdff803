package org.spectrumcomet.bench.comet.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectrumcomet.bench.comet.load.LinePublisher;
import org.spectrumcomet.bench.comet.load.Publisher;
import org.spectrumcomet.bench.comet.raw.RawBroadcastServer;

/**
 * The raw Netty broadcast baseline in its own JVM (this JVM's class path and java, the same
 * {@code --server-java-opts} as our server), so it competes for the CPU exactly like the comet
 * servers do. It stops when its stdin closes, or by PID.
 */
public final class RawServer implements ServerUnderTest {

    private final Process process;
    private final InetSocketAddress ws;
    private final InetSocketAddress publish;

    private RawServer(Process process, InetSocketAddress ws, InetSocketAddress publish) {
        this.process = process;
        this.ws = ws;
        this.publish = publish;
    }

    /** One pipe, one event name: what every frame it broadcasts says. */
    public static RawServer start(String pipe, String event, String javaOpts, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("raw-broadcast.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RawBroadcastServer.class.getName(),
                pipe, event));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            ReadyLine ready = ReadyLine.await(process, "raw-broadcast ready", 30, log.toString());
            return new RawServer(process, new InetSocketAddress("127.0.0.1", ready.port("ws")),
                    new InetSocketAddress("127.0.0.1", ready.port("publish")));
        } catch (IOException | RuntimeException e) {
            ProcessStop.stop(process, 5);
            throw e;
        }
    }

    @Override
    public String name() {
        return "raw Netty";
    }

    @Override
    public InetSocketAddress ws() {
        return ws;
    }

    @Override
    public Publisher publisher(String pipe, String event) throws IOException {
        return new LinePublisher(publish);
    }

    @Override
    public List<Long> pids() {
        return List.of(process.pid());
    }

    @Override
    public boolean jvm() {
        return true;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // then by signal
        }
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessStop.stop(process, 5);
    }
}
