package org.spectrumcomet.conformance.main;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * An emulated Spectrum 2 main instance for one backend: listens on 127.0.0.1 (ephemeral port),
 * spawns the backend executable with Spectrum's arguments, and drives it over the first accepted
 * connection (a {@link BackendLink}). Later connections are refused (closed at once): the kit
 * tests one backend process at a time.
 *
 * <p>Typical use: {@code start → spawn → awaitLink → user(jid).login(...) → ... → close}.
 */
public final class MainInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainInstance.class);

    private final MainOptions options;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Recording recording;
    private final Violations violations = new Violations();
    private final Channel server;
    private volatile long expectedPid = -1;
    private volatile BackendLink link;
    private volatile BackendProcess process;

    private MainInstance(MainOptions options) throws InterruptedException {
        this.options = options;
        this.recording = new Recording(options.recordCap());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept(ch);
                    }
                });
        this.server = bootstrap.bind("127.0.0.1", 0).sync().channel();
    }

    /** Binds the listening socket on 127.0.0.1:0. */
    public static MainInstance start(MainOptions options) throws InterruptedException {
        return new MainInstance(options);
    }

    private synchronized void accept(SocketChannel ch) {
        if (link != null) {
            LOG.warn("refusing a second backend connection from {}", ch.remoteAddress());
            ch.close();
            return;
        }
        // The PID is read when STATS arrives: a fast backend may connect before spawn() stored it.
        link = new BackendLink(options, recording, violations, () -> expectedPid);
        SpectrumCodec.install(ch.pipeline(), options.maxFrameLength(), true);
        ch.pipeline().addLast("backend-link", link);
        notifyAll();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public MainOptions options() {
        return options;
    }

    /**
     * Writes the transport config and spawns {@code command} as Spectrum would (slot 1), output
     * going to {@code <workDir>/<name>.log}.
     */
    public BackendProcess spawn(String command, String name) throws IOException {
        Path config = TransportConfig.write(options.workDir(), name, port(), command, options.extraConfig());
        List<String> argv = BackendProcess.spectrumArgv(command, port(), 1, config);
        BackendProcess started = BackendProcess.start(argv, options.workDir().resolve(name + ".log"));
        expectedPid = started.pid();
        process = started;
        LOG.info("spawned backend pid {}: {}", started.pid(), argv);
        return started;
    }

    /** The spawned process, or null when the backend connected on its own. */
    public BackendProcess process() {
        return process;
    }

    /** Waits until a backend connects; the link, or null on timeout. */
    public synchronized BackendLink awaitLink(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (link == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return link;
    }

    /** The connected link; fails if no backend has connected. */
    public BackendLink link() {
        BackendLink current = link;
        if (current == null) {
            throw new IllegalStateException("no backend has connected");
        }
        return current;
    }

    public Recording recording() {
        return recording;
    }

    public Violations violations() {
        return violations;
    }

    /** A handle for driving one XMPP user through this main instance. */
    public MainUser user(String jid) {
        return new MainUser(this, jid);
    }

    public void send(SpectrumMessage message) {
        link().send(message);
    }

    public void sendExit() {
        send(SpectrumMessage.of(Type.TYPE_EXIT));
    }

    /** Closes the listening socket, the link and the event loop, then kills the spawned process if still alive. */
    @Override
    public void close() {
        BackendLink current = link;
        if (current != null) {
            current.close();
        }
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        BackendProcess spawned = process;
        if (spawned != null) {
            spawned.destroy();
        }
    }
}
