package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;

/**
 * {@code demo --stay}: while the demo stays up, the metrics URLs its transcript prints answer, and
 * their counters show the conversation that just happened (issue 10: "curl /metrics during the demo
 * shows the counters moving"); the chat page it names is served.
 */
class DemoStayTest {

    private static final Pattern COMET_METRICS = Pattern.compile("\\[comet] metrics: curl (http://\\S+/metrics)");
    private static final Pattern BACKEND_METRICS = Pattern.compile("its metrics: curl (http://\\S+/metrics)");
    private static final Pattern CHAT = Pattern.compile("open (http://\\S+/chat/),");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whileTheDemoStaysUpItsMetricsShowTheConversation(@TempDir Path work) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Demo.Options options = new Demo.Options(JavaBackendCommand.of(SpectrumCometBackend.class), false,
                Duration.ofSeconds(60), work, Duration.ofSeconds(8));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Demo.run(options, print, print));

        String transcript = awaitOutput(out, "staying up", run);
        String comet = http(find(COMET_METRICS, transcript));
        String backend = http(find(BACKEND_METRICS, transcript));
        String chatPage = http(find(CHAT, transcript));

        // bob -> alice went in as one CometQL users_messages insert; alice -> bob and the room as the bridge's.
        assertThat(counter(comet, "comet_cometql_statements_total", "result=\"ok\",table=\"users_messages\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(counter(comet, "comet_connections_open", "protocol=\"websocket\"")).isGreaterThanOrEqualTo(2);
        assertThat(counter(backend, "spectrum_backend_users_logged_in", null)).isEqualTo(1);
        assertThat(counter(backend, "spectrum_comet_bridge_messages_to_comet_total", "kind=\"chat\",result=\"ok\""))
                .isEqualTo(1);
        assertThat(counter(backend, "spectrum_comet_bridge_messages_to_comet_total", "kind=\"room\",result=\"ok\""))
                .isEqualTo(1);
        assertThat(counter(backend, "spectrum_comet_bridge_messages_from_comet_total", "kind=\"chat\""))
                .isEqualTo(1);
        assertThat(chatPage).contains("<html");
        assertThat(run.get()).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static String awaitOutput(ByteArrayOutputStream out, String marker, CompletableFuture<Integer> run)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = out.toString(StandardCharsets.UTF_8);
            if (text.contains(marker)) {
                return text;
            }
            assertThat(run).as("the demo ended before staying up:\n" + text).isNotDone();
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + marker + "' within 60 s:\n" + out.toString(StandardCharsets.UTF_8));
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern + " in:\n" + text).isTrue();
        return m.group(1);
    }

    private String http(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** The value of one sample line: {@code name{labels} value}, labels as Prometheus sorts them. */
    private static double counter(String exposition, String name, String labels) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            boolean matches = labels == null ? rest.startsWith(" ") || rest.startsWith("{")
                    : rest.startsWith("{") && rest.substring(0, rest.indexOf('}') + 1).contains(labels);
            if (matches) {
                return Double.parseDouble(rest.substring(rest.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + (labels == null ? "" : "{" + labels + "}") + " in:\n"
                + exposition);
    }
}
