package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.bridge.config.CometSettings;

class InProcessCometTest {

    @Test
    void theBridgeReadsTheGeneratedCometSectionAsPointingAtThisServer(@TempDir Path dir) throws Exception {
        try (InProcessComet comet = InProcessComet.start()) {
            Path cfg = Files.writeString(dir.resolve("t.cfg"), "[service]\njid = localhost\n\n" + comet.bridgeSection(7));
            CometSettings settings = CometSettings.from(TransportConfig.load(cfg, Map.of()));
            assertThat(settings.endpoint().cometqlPort()).isEqualTo(comet.cometqlPort());
            assertThat(settings.endpoint().wsPort()).isEqualTo(comet.wsPort());
            assertThat(settings.endpoint().key()).isEqualTo(InProcessComet.TENANT_KEY);
            assertThat(settings.historyLimit()).isEqualTo(7);
            assertThat(settings.loginTimeout()).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void aUserSocketUrlHasCppCometsPositionalLayout() throws Exception {
        try (InProcessComet comet = InProcessComet.start()) {
            assertThat(comet.userSocket(DemoUser.BOB, "0123456789abcdef0123456789abcdef").toString())
                    .isEqualTo("ws://127.0.0.1:" + comet.wsPort() + "/ws/sesion=" + DemoUser.BOB.key()
                            + "&myid=2002&devid=0&v=4.09&uuid=0123456789abcdef0123456789abcdef&api=js");
        }
    }

    @Test
    void itsMetricsAndHealthAnswerOnTheUrlsTheDemoPrints() throws Exception {
        try (InProcessComet comet = InProcessComet.start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(comet.metricsUrl())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("comet_connections_open{protocol=\"websocket\"} 0.0");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(comet.healthUrl())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"kind\":\"memory\"");
        }
    }
}
