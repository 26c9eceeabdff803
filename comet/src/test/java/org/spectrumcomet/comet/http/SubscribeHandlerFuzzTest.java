package org.spectrumcomet.comet.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.store.MemoryStore;
import org.spectrumcomet.comet.ws.WebFrameChecks;

/**
 * The JSON comet API's uplink: the input (UTF-8) cut at each {@code \u0000} into WebSocket text
 * frames, given in order to a {@link SubscribeHandler} on an EmbeddedChannel, with engine work run
 * inline. Tenant 0's key is {@code k0}, so {@code {"t":1,"auth":{"token":"k0","uid":5}}} logs in.
 *
 * <p>Invariants: no exception leaves the handler; every frame written is JSON or a well-formed
 * close frame ({@link WebFrameChecks}).
 */
class SubscribeHandlerFuzzTest {

    private static final int INPUTS_PER_ENGINE = 20_000;

    private static LocalCometEngine engine;
    private static World world;
    private static ScheduledExecutorService retry;
    private static int runs;

    @BeforeAll
    static void start() {
        retry = Executors.newSingleThreadScheduledExecutor();
        fresh();
    }

    @AfterAll
    static void stop() {
        engine.close();
        retry.shutdownNow();
    }

    private static void fresh() {
        if (engine != null) {
            engine.close();
        }
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", "k0", "5", "k5")), new MemoryStore());
        world = new World();
        runs = 0;
    }

    @FuzzTest
    void handlesArbitraryFrames(byte[] input) {
        if (++runs > INPUTS_PER_ENGINE) {
            fresh();
        }
        EmbeddedChannel channel = new EmbeddedChannel();
        SubscribeConnection connection = new SubscribeConnection(channel, ClientInfo.UNKNOWN);
        channel.pipeline().addLast(new SubscribeHandler(connection, "0", engine, world,
                new OrderedTasks(new Inline(), retry)));
        try {
            for (String text : new String(input, StandardCharsets.UTF_8).split("\u0000", 16)) {
                if (!channel.isOpen()) {
                    break;
                }
                channel.writeInbound(new TextWebSocketFrame(text));
                channel.runPendingTasks();
                WebFrameChecks.checkWritten(channel);
            }
            channel.checkException();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Runs each task at once on the caller (the test thread is the EmbeddedChannel's event loop). */
    static final class Inline extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
