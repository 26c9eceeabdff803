package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.ws.WebFixture;

/** The chat page's files on the ws port: types, caching, 404s and no way out of the page's table. */
class StaticPagesTest {

    private WebFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void servesEachFileWithItsTypeAndSecurityHeaders() throws Exception {
        HttpResponse<String> index = fx.get("/chat/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script src=\"comet-client.js\"></script>").doesNotContain("http://", "https://");
        assertThat(index.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(index.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(index.headers().firstValue("content-security-policy").orElseThrow())
                .contains("script-src 'self'").contains("default-src 'none'");
        assertThat(fx.get("/chat/index.html").body()).isEqualTo(index.body());
        assertThat(fx.get("/chat/chat.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        HttpResponse<String> client = fx.get("/chat/comet-client.js");
        assertThat(client.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(client.body()).contains("class CometClient");
        assertThat(fx.get("/chat/chat.js").body()).contains("textContent").doesNotContain("innerHTML");
    }

    @Test
    void unknownFilesAre404() throws Exception {
        for (String path : new String[] {"/chat/nothing.js", "/chat/INDEX.HTML", "/chat/web/chat.js", "/chat/index.html/"}) {
            HttpResponse<String> answer = fx.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("\"error\":\"no such file");
        }
    }

    @Test
    void traversalReachesNothingOutsideThePage() throws Exception {
        // Sent raw: an HTTP client would normalise the dots away before they reach the server.
        for (String path : new String[] {"/chat/../chat/index.html", "/chat/..%2fcomet-server-logback.xml",
                "/chat/%2e%2e/%2e%2e/etc/passwd", "/chat/../../../../etc/passwd", "/chat/....//index.html",
                "/chat/%2F..%2F..%2Forg/spectrumcomet/comet/CometServer.class", "/chat/..\\..\\pom.xml"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 404").doesNotContain("<configuration").doesNotContain("root:");
        }
    }

    @Test
    void revalidationGets304AndHeadHasNoBody() throws Exception {
        HttpResponse<String> first = fx.get("/chat/chat.js");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = fx.http.send(HttpRequest.newBuilder(URI.create(fx.httpBase() + "/chat/chat.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        String head = raw("HEAD /chat/chat.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200").contains("content-type: text/css").endsWith("\r\n\r\n");
    }

    @Test
    void bareChatPathRedirectsAndHomeLinksThePage() throws Exception {
        String answer = raw("GET /chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 301").contains("location: /chat/");
        assertThat(fx.get("/").body()).contains("href=\"/chat/\"");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fx.listener.httpAddress().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
