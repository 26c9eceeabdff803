package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.store.MemoryStore;

/**
 * The CppComet WebSocket text protocol: one message (the input after its first byte, as UTF-8)
 * given to {@link CometCommands} for a connected client — authorised as user 42 when the first
 * byte is odd, anonymous when it is even — and the connection URL parser ({@link CometUrl}).
 *
 * <p>Invariants: no exception; every frame written is JSON or a well-formed close frame
 * ({@link WebFrameChecks}); a parsed URL stays within its documented bounds.
 */
class CometCommandsFuzzTest {

    private static final int COMMANDS_PER_ENGINE = 20_000;

    private static LocalCometEngine engine;
    private static CometCommands commands;
    private static int runs;

    @BeforeAll
    static void start() {
        fresh();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static void fresh() {
        if (engine != null) {
            engine.close();
        }
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", "k0")), new MemoryStore());
        engine.publish("0", "web_chat", "hello", "history one", 7, null);
        commands = new CometCommands(engine);
        runs = 0;
    }

    @FuzzTest
    void runsArbitraryMessages(byte[] input) throws CometUrl.Invalid {
        if (++runs > COMMANDS_PER_ENGINE) {
            fresh();
        }
        boolean authorized = input.length > 0 && (input[0] & 1) == 1;
        String payload = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        EmbeddedChannel channel = new EmbeddedChannel();
        long user = authorized ? 42 : 0;
        CometUrl url = CometUrl.parse("/ws/sesion=&myid=" + user + "&devid=0&v=4.09&uuid=fuzz&api=js");
        CometSocketConnection client = new CometSocketConnection(channel, url, ClientInfo.UNKNOWN);
        Session session = engine.attach("0", user, client);
        client.attached(session);
        engine.subscribe(session, List.of("web_chat", "track_online"));
        try {
            commands.run(client, payload);
            WebFrameChecks.checkWritten(channel);
        } finally {
            engine.detach(session);
            channel.finishAndReleaseAll();
        }
    }

    @FuzzTest
    void parsesArbitraryUrls(byte[] input) {
        String path = new String(input, StandardCharsets.UTF_8);
        CometUrl url;
        try {
            url = CometUrl.parse(path);
        } catch (CometUrl.Invalid refused) {
            assertThat(refused.code()).isIn(401, 404, 418);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(url.uuid().length()).isLessThanOrEqualTo(CometUrl.MAX_UUID);
        assertThat(url.userId()).isBetween(0L, 999_999_999L);
        assertThat(url.devId()).matches("\\d{1,9}");
        assertThat(url.major()).isNotNegative();
        assertThat(url.minor()).isNotNegative();
    }
}
