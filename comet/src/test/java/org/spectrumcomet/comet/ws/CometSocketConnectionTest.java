package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.http.OutboundBudget;

/** Fan-out through the loops' outboxes: exactly once, in order, and the slow-consumer bound. */
class CometSocketConnectionTest {

    private WebFixture fx;
    private final List<FrameClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture(); // two worker event loops
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(FrameClient::close);
        fx.close();
    }

    private void awaitSubscribers(String pipe, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx.engine.subscriberCount("0", pipe) != count) {
            assertThat(System.nanoTime()).as("subscribers of " + pipe).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void everySubscriberOnEveryLoopGetsEveryFrameExactlyOnceInOrder() throws Exception {
        int subscribers = 12;
        int messages = 60;
        for (int i = 0; i < subscribers; i++) {
            FrameClient c = fx.comet("", 0, "0", "fan" + i);
            clients.add(c);
            c.next(); // serverInfo
            c.send("subscription\nfan_pipe");
        }
        awaitSubscribers("fan_pipe", subscribers);
        for (int m = 0; m < messages; m++) {
            PublishReceipt r = fx.engine.publish("0", "fan_pipe", "ev", "m" + m, 0, null);
            assertThat(r.delivered()).isEqualTo(subscribers);
        }
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            expected.add("m" + m);
        }
        for (FrameClient c : clients) {
            List<String> got = new ArrayList<>();
            while (got.size() < messages) {
                JsonNode frame = c.next();
                if (frame.path("pipe").asText().equals("fan_pipe")) {
                    got.add(frame.path("data").asText());
                }
            }
            assertThat(got).containsExactlyElementsOf(expected);
        }
        clients.get(0).expectSilence(java.time.Duration.ofMillis(200)); // nothing twice
    }

    @Test
    void aClientThatStopsReadingIsRefusedWithinItsBudgetAndClosedWhileOthersKeepReceiving() throws Exception {
        FrameClient fast = fx.comet("", 0, "0", "fast");
        clients.add(fast);
        fast.next();
        fast.send("subscription\nslow_pipe");
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(fx.listener.localAddress());
            OutputStream out = slow.getOutputStream();
            out.write(("GET /ws/sesion=&myid=0&devid=0&v=4.09&uuid=slow&api=js HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            readUntilEndOfHeaders(slow.getInputStream());
            byte[] command = "subscription\nslow_pipe".getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[] {(byte) 0x81, (byte) (0x80 | command.length), 0, 0, 0, 0}); // zero mask key
            out.write(command);
            out.flush();
            awaitSubscribers("slow_pipe", 2);

            String body = "x".repeat(60_000);
            long published = 0;
            long limit = 256L << 20; // far above budget + socket buffers: the bound must bite long before
            int delivered = 2;
            while (delivered == 2 && published < limit) {
                delivered = fx.engine.publish("0", "slow_pipe", "ev", body, 0, null).delivered();
                published += body.length();
                // let the fast client keep up, so only the slow one is refused
                fast.next();
            }
            assertThat(delivered).as("the slow consumer is refused, the fast one not").isEqualTo(1);
            assertThat(published).isGreaterThanOrEqualTo(OutboundBudget.MAX_QUEUED_BYTES - body.length())
                    .isLessThan(limit);
            awaitSubscribers("slow_pipe", 1); // closed: the server holds nothing more for it
            fx.engine.publish("0", "slow_pipe", "ev", "after", 0, null);
            assertThat(fast.until(f -> f.path("data").asText().equals("after"))).isNotNull();
        }
    }

    private static void readUntilEndOfHeaders(InputStream in) throws Exception {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            assertThat(b).as("upgrade response").isNotNegative();
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }
}
