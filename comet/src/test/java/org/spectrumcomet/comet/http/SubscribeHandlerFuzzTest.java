package org.spectrumcomet.comet.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.spectrumcomet.comet.engine.ClientInfo;
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

    private static FuzzEngine fuzz;

    @BeforeAll
    static void start() {
        fuzz = new FuzzEngine(INPUTS_PER_ENGINE);
    }

    @AfterAll
    static void stop() {
        fuzz.close();
    }

    @FuzzTest
    void handlesArbitraryFrames(byte[] input) {
        fuzz.nextInput();
        EmbeddedChannel channel = new EmbeddedChannel();
        SubscribeConnection connection = new SubscribeConnection(channel, ClientInfo.UNKNOWN);
        channel.pipeline().addLast(new SubscribeHandler(connection, "0", fuzz.engine(), fuzz.world(),
                fuzz.tasks()));
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
}
