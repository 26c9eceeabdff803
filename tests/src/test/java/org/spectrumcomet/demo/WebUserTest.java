package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebUserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Transcript quiet = new Transcript(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), false);

    @Test
    void theBodyIsTheJsonTextInsideData() throws Exception {
        assertThat(WebUser.body(JSON.readTree("{\"pipe\":\"msg\",\"data\":\"{\\\"from\\\":\\\"1001\\\",\\\"text\\\":\\\"hi\\\"}\"}")))
                .hasValueSatisfying(b -> assertThat(b.path("text").asText()).isEqualTo("hi"));
        assertThat(WebUser.body(JSON.readTree("{\"pipe\":\"msg\",\"data\":\"plain text\"}"))).isEmpty();
        assertThat(WebUser.body(JSON.readTree("{\"pipe\":\"sys\",\"data\":{\"error\":\"x\"}}"))).isEmpty();
    }

    @Test
    void aKeyTheServerKnowsAuthorizesTheSocketAndAWrongOneDoesNot() throws Exception {
        try (InProcessComet comet = InProcessComet.start();
             SiteServer site = SiteServer.connect(comet.cometqlPort(), InProcessComet.TENANT_KEY, quiet)) {
            site.setUserKey(DemoUser.BOB);
            try (WebUser bob = WebUser.connect(DemoUser.BOB, comet.userSocket(DemoUser.BOB,
                    "0123456789abcdef0123456789abcdef"), Duration.ofSeconds(5), quiet)) {
                assertThat(bob.await(f -> "serverInfo".equals(f.path("event").asText()), Duration.ofSeconds(5),
                        "serverInfo").path("authorized").asBoolean()).isTrue();
                bob.subscribe("web_demo");
                assertThatThrownBy(() -> bob.await(f -> "web_demo".equals(f.path("pipe").asText()),
                        Duration.ofMillis(200), "a frame on web_demo"))
                        .hasMessageContaining("web bob: a frame on web_demo did not arrive within 200 ms");
            }
            DemoUser impostor = new DemoUser("eve", DemoUser.BOB.cometId(), "notbobskey");
            try (WebUser eve = WebUser.connect(impostor, comet.userSocket(impostor, "0123456789abcdef0123456789abcdee"),
                    Duration.ofSeconds(5), quiet)) {
                assertThat(eve.await(f -> "serverInfo".equals(f.path("event").asText()), Duration.ofSeconds(5),
                        "serverInfo").path("authorized").asBoolean()).isFalse();
            }
        }
    }
}
