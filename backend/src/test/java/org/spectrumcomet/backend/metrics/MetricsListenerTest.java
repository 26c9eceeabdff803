package org.spectrumcomet.backend.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsListenerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BackendMetrics metrics = BackendMetrics.prometheus();
    private final AtomicReference<String> cometProblem = new AtomicReference<>();
    private MetricsListener listener;

    @BeforeEach
    void start() {
        metrics.addHealthCheck("main", () -> null);
        metrics.addHealthCheck("comet", cometProblem::get);
        listener = MetricsListener.start(new MetricsSettings(true, "127.0.0.1", 0), metrics);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + listener.address() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreThePrometheusTextOfTheRegistry() throws Exception {
        Counter.builder("spectrum.backend.test.things").register(metrics.registry()).increment(3);
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue(MetricsHttpHandler.PROMETHEUS_TEXT);
        ScrapedMetrics scraped = new ScrapedMetrics(r.body());
        assertThat(scraped.value("spectrum_backend_test_things_total")).isEqualTo(3.0);
        assertThat(scraped.has("jvm_threads_live_threads")).as("JVM binders").isTrue();
    }

    @Test
    void healthIs200WhenEveryCheckIsUpAnd503WithTheReasonOtherwise() throws Exception {
        HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("main: up\ncomet: up\n");

        cometProblem.set("cometql 127.0.0.1:3307: connection refused");
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("main: up\ncomet: down: cometql 127.0.0.1:3307: connection refused\n");
    }

    @Test
    void aThrowingCheckIsDownNotAnError() throws Exception {
        metrics.addHealthCheck("broken", () -> {
            throw new IllegalStateException("oops");
        });
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("broken: down: check failed: java.lang.IllegalStateException: oops");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://" + listener.address() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(get("/health?verbose=1").statusCode()).as("a query string is ignored").isEqualTo(200);
    }

    @Test
    void garbageGetsA400AndConnectionsBeyondTheCapAreClosed() throws Exception {
        String[] hostPort = listener.address().split(":");
        int port = Integer.parseInt(hostPort[1]);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.getOutputStream().write("\u0001\u0002 nonsense\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        java.util.List<java.net.Socket> idle = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < MetricsListener.MAX_CONNECTIONS; i++) {
                idle.add(new java.net.Socket("127.0.0.1", port));
            }
            try (java.net.Socket extra = new java.net.Socket("127.0.0.1", port)) {
                extra.setSoTimeout(5000);
                assertThat(extra.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            }
        } finally {
            for (java.net.Socket s : idle) {
                s.close();
            }
        }
        // the idle ones are gone again: a scrape gets through
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertThat(get("/health").statusCode()).isEqualTo(200);
                break;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aClientTricklingItsRequestIsClosedAtTheRequestDeadline() throws Exception {
        try (MetricsListener slow = MetricsListener.start(new MetricsSettings(true, "127.0.0.1", 0), metrics,
                Duration.ofSeconds(1));
             java.net.Socket s = new java.net.Socket("127.0.0.1", slow.port())) {
            s.setSoTimeout(100);
            byte[] request = ("GET /metrics HTTP/1.1\r\nX-Pad: " + "a".repeat(4000))
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            boolean closed = false;
            // one byte every 100 ms: never idle for the 10 s read timeout, never a complete request
            for (int i = 0; i < request.length && !closed && System.nanoTime() < deadline; i++) {
                try {
                    s.getOutputStream().write(request[i]);
                    s.getOutputStream().flush();
                    closed = s.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // go on trickling
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("closed by the 1 s request deadline while still trickling").isTrue();
        }
    }

    @Test
    void anAddressInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MetricsSettings settings = new MetricsSettings(true, "127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> MetricsListener.start(settings, metrics))
                    .isInstanceOf(MetricsBindException.class)
                    .hasMessageContaining("[metrics] listen = 127.0.0.1:" + taken.getLocalPort() + ": cannot listen there");
        }
    }
}
