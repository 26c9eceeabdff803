package org.spectrumcomet.comet.ws;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import org.spectrumcomet.comet.engine.CometEngine;

/**
 * The browser-side listener: CppComet-compatible WebSocket, the JSON comet API (WebSocket
 * subscribe + HTTP publish/broadcast/dump) in front of the {@link CometEngine}.
 *
 * <p>Placeholder signature; the implementation is being written.
 */
public final class WebListener implements AutoCloseable {

    private WebListener() {
    }

    /**
     * Binds and starts serving; returns once the socket(s) are bound.
     *
     * @param blocking executor for engine calls (they may block)
     */
    public static WebListener start(WebSettings settings, CometEngine engine, EventLoopGroup boss,
                                    EventLoopGroup workers, ExecutorService blocking) throws InterruptedException {
        throw new UnsupportedOperationException("WebSocket listener not built yet");
    }

    /** The bound WebSocket address (the real port when the settings asked for port 0). */
    public InetSocketAddress localAddress() {
        throw new UnsupportedOperationException("WebSocket listener not built yet");
    }

    /** The bound HTTP API address: the WebSocket address unless a separate one was configured. */
    public InetSocketAddress httpAddress() {
        throw new UnsupportedOperationException("WebSocket listener not built yet");
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
    }
}
