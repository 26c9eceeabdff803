package org.spectrumcomet.comet.cometql;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import org.spectrumcomet.comet.engine.CometEngine;

/**
 * The CometQL listener: MySQL wire protocol in front of the {@link CometEngine}.
 *
 * <p>Placeholder signature; the implementation is being written.
 */
public final class CometQlListener implements AutoCloseable {

    private CometQlListener() {
    }

    /**
     * Binds and starts serving; returns once the socket is bound.
     *
     * @param statements executor for statement execution (engine calls may block)
     */
    public static CometQlListener start(CometQlSettings settings, CometEngine engine, EventLoopGroup boss,
                                        EventLoopGroup workers, ExecutorService statements)
            throws InterruptedException {
        throw new UnsupportedOperationException("CometQL listener not built yet");
    }

    /** The bound address (the real port when the settings asked for port 0). */
    public InetSocketAddress localAddress() {
        throw new UnsupportedOperationException("CometQL listener not built yet");
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
    }
}
