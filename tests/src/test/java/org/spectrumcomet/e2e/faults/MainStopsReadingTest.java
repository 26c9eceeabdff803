package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.MessageLite;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.echo.EchoBackend;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Stats;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A main instance that stops reading its socket while the backend has far more to send than its
 * heap holds: the echo backend runs with {@code -Xmx64m} (and {@code -XX:+ExitOnOutOfMemoryError},
 * so an OutOfMemoryError would end it), gets 12,000 messages of 8 KiB for 10 users (~94 MiB of
 * echoes) and must stay alive, log the drops by the outbound cap's policy (backend/README.md
 * "Policies": past the outbound cap, frames are dropped; one error log naming the user per stall and
 * a count when it ends), and serve normally once the main reads again.
 */
class MainStopsReadingTest {

    private static final Logger LOG = LoggerFactory.getLogger(MainStopsReadingTest.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int USERS = 10;
    private static final int MESSAGES = 12_000;
    private static final String BODY = "x".repeat(8 * 1024);

    @Test
    void echoBackendStaysBoundedAndDropsWithALogWhenTheMainStopsReading() throws Exception {
        try (RawMain main = new RawMain()) {
            BackendProcess backend = SpawnedBackend.start(EchoBackend.class, "-Xmx64m -XX:+ExitOnOutOfMemoryError",
                    main.port(), "stops-reading-echo", "");
            try {
                main.accept(WAIT);
                main.send(Type.TYPE_PING, (MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, WAIT)).as("first PONG").isNotNull();
                for (int u = 0; u < USERS; u++) {
                    main.send(Type.TYPE_LOGIN, MainVanishesTest.login(9000 + u));
                    assertThat(main.await(Type.TYPE_CONNECTED, WAIT)).as("CONNECTED %d", u).isNotNull();
                }

                main.stopReading();
                long start = System.nanoTime();
                for (int i = 0; i < MESSAGES; i++) {
                    main.send(Type.TYPE_CONV_MESSAGE, ConversationMessage.newBuilder()
                            .setUserName("u" + (9000 + i % USERS) + "@localhost").setBuddyName("alice")
                            .setMessage(i + " " + BODY).build());
                }
                LOG.info("wrote {} messages of 8 KiB in {} ms while not reading", MESSAGES,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertThat(SpawnedBackend.awaitLog(backend, "the main instance is not reading", WAIT))
                        .as("the drop is logged; log:\n%s", backend.logTail(20)).isTrue();
                assertThat(backend.isAlive()).as("alive while the main does not read; log:\n%s",
                        backend.logTail(30)).isTrue();

                main.resumeReading();
                main.send(Type.TYPE_PING, (MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, WAIT)).as("PONG once the main reads again").isNotNull();
                WrapperMessage stats = main.await(Type.TYPE_STATS, WAIT);
                assertThat(stats).as("STATS").isNotNull();
                LOG.info("backend resident memory after the flood: {} KiB", Stats.parseFrom(stats.getPayload()).getRes());

                main.send(Type.TYPE_CONV_MESSAGE, ConversationMessage.newBuilder().setUserName("u9000@localhost")
                        .setBuddyName("alice").setMessage("after the flood").build());
                assertThat(awaitEcho(main, "after the flood")).as("echo after the flood").isTrue();

                String log = SpawnedBackend.log(backend);
                assertThat(log).as("no OutOfMemoryError").doesNotContain("OutOfMemoryError");
                assertThat(log).as("the drop log names the user").containsPattern("user u90\\d\\d@localhost: dropping");
                assertThat(log.lines().filter(l -> l.contains(": dropping ")).count())
                        .as("one ERROR per stall, not one per frame").isEqualTo(1);
                assertThat(log).as("the stall's cost is logged once the main reads again")
                        .containsPattern("the main instance is reading again: \\d+ frames \\(\\d+ bytes\\) were dropped");
                assertThat(backend.isAlive()).isTrue();
            } finally {
                main.close();
                backend.awaitExit(Duration.ofSeconds(5));
                backend.destroy();
            }
        }
    }

    private static boolean awaitEcho(RawMain main, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            WrapperMessage m = main.await(Type.TYPE_CONV_MESSAGE, Duration.ofMillis(500));
            if (m != null && ConversationMessage.parseFrom(m.getPayload()).getMessage().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
