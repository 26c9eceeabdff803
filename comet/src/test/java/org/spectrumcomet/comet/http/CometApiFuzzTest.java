package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JSON comet API's HTTP calls: {@link CometApi} answering a POST built from the input (UTF-8)
 * as {@code <call>\n<X-Comet-Tenant>\n<bearer token>\n<body>}, with engine work run inline. Tenant
 * 0's key is {@code k0}.
 *
 * <p>Invariants: no exception; exactly one answer, never 500 (an exception inside a call), and a
 * body that is empty or JSON.
 */
class CometApiFuzzTest {

    private static final int CALLS_PER_ENGINE = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FuzzEngine fuzz;
    private static CometApi api;

    @BeforeAll
    static void start() {
        fuzz = new FuzzEngine(CALLS_PER_ENGINE);
        api = new CometApi(fuzz.engine(), fuzz.world());
    }

    @AfterAll
    static void stop() {
        fuzz.close();
    }

    @FuzzTest
    void answersArbitraryCalls(byte[] input) throws JsonProcessingException {
        if (fuzz.nextInput()) {
            api = new CometApi(fuzz.engine(), fuzz.world());
        }
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        String call = parts[0];
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                CometApi.PREFIX + call, Unpooled.copiedBuffer(parts.length > 3 ? parts[3] : "", StandardCharsets.UTF_8));
        if (parts.length > 1) {
            request.headers().set(CometApi.TENANT_HEADER, headerValue(parts[1]));
        }
        if (parts.length > 2) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + headerValue(parts[2]));
        }
        OrderedTasks tasks = fuzz.tasks();
        EmbeddedChannel channel = new EmbeddedChannel(new SimpleChannelInboundHandler<FullHttpRequest>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
                api.answer(ctx, msg, msg.uri(), tasks);
            }
        });
        try {
            channel.writeInbound(request);
            channel.runPendingTasks();
            channel.checkException();
            FullHttpResponse response = channel.readOutbound();
            assertThat(response).as("an answer").isNotNull();
            try {
                assertThat(response.status().code()).as("status for %s", call).isIn(200, 400, 401, 404, 503);
                String body = response.content().toString(StandardCharsets.UTF_8);
                if (!body.isEmpty()) {
                    JSON.readTree(body);
                }
            } finally {
                response.release();
            }
            assertThat((Object) channel.readOutbound()).as("one answer").isNull();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /**
     * A header value as Netty's HTTP decoder hands one over: ISO-8859-1 characters without controls,
     * no surrounding whitespace (anything else is refused before the API sees it).
     */
    private static String headerValue(String text) {
        return text.replaceAll("[^\\x20-\\x7e\\xa0-\\xff]", "").strip();
    }
}
