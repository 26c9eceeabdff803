package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.ws.WebFixture;

/** The small HTTP responder and the HTTP bounds of the ws port. */
class SiteResponderTest {

    private WebFixture fx;

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void homeInfoOptionsAndNotFound() throws Exception {
        fx = new WebFixture();
        HttpResponse<String> home = fx.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("spectrum-comet");
        HttpResponse<String> info = fx.get("/info");
        assertThat(info.body()).startsWith("{\"status\":\"ok\",\"node\":");
        HttpResponse<String> options = fx.http.send(HttpRequest.newBuilder(URI.create(fx.httpBase() + "/anything"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(fx.get("/nothing/here").statusCode()).isEqualTo(404);
        assertThat(fx.post("/old-long-polling", null, null, "x").statusCode()).isEqualTo(404);
    }

    @Test
    void idleHttpConnectionIsClosed() throws Exception {
        fx = new WebFixture(WebFixture.settings(100, 65_535, Duration.ofMillis(200)));
        try (Socket socket = new Socket("127.0.0.1", fx.listener.localAddress().getPort())) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo(-1); // closed by the server, not by our timeout
        }
    }

    @Test
    void connectionsAboveTheLimitGet503() throws Exception {
        fx = new WebFixture(WebFixture.settings(1, 65_535, Duration.ofSeconds(30)));
        try (Socket first = new Socket("127.0.0.1", fx.listener.localAddress().getPort())) {
            first.getOutputStream().write("GET /info HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            first.getInputStream().read(); // the first connection is served
            HttpResponse<String> refused = fx.get("/info");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("too many connections");
        }
    }
}
