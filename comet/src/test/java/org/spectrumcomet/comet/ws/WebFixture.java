package org.spectrumcomet.comet.ws;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.store.MemoryStore;

/**
 * A running WebListener on 127.0.0.1:0 in front of the real in-memory engine, with tenants
 * "0" (key {@link #KEY0}) and "5" (key {@link #KEY5}).
 */
public final class WebFixture implements AutoCloseable {

    public static final String KEY0 = "tenant0-secret";
    public static final String KEY5 = "tenant5-secret";

    public final LocalCometEngine engine;
    public final WebListener listener;
    public final HttpClient http = HttpClient.newHttpClient();
    private final NioEventLoopGroup boss = new NioEventLoopGroup(1);
    private final NioEventLoopGroup workers = new NioEventLoopGroup(2);
    private final ExecutorService blocking = Executors.newFixedThreadPool(4);

    public WebFixture() throws InterruptedException {
        this(WebSettings.defaults(new InetSocketAddress("127.0.0.1", 0)));
    }

    public WebFixture(WebSettings settings) throws InterruptedException {
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", KEY0, "5", KEY5)), new MemoryStore());
        listener = WebListener.start(settings, engine, boss, workers, blocking);
    }

    public static WebSettings settings(int maxConnections, int maxFrameBytes, Duration idle) {
        return new WebSettings(new InetSocketAddress("127.0.0.1", 0), null, maxConnections, maxFrameBytes, idle);
    }

    public String base() {
        return "ws://127.0.0.1:" + listener.localAddress().getPort();
    }

    public String httpBase() {
        return "http://127.0.0.1:" + listener.httpAddress().getPort();
    }

    /** Opens a CppComet WebSocket with the reference client's URL layout. */
    public FrameClient comet(String key, long userId, String devId, String uuid) {
        return FrameClient.open(http, base() + "/ws/sesion=" + key + "&myid=" + userId + "&devid=" + devId
                + "&v=4.09&uuid=" + uuid + "&api=js");
    }

    public HttpResponse<String> post(String path, String tenant, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpBase() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            request.header("X-Comet-Tenant", tenant);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(httpBase() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        listener.close();
        blocking.shutdown();
        blocking.awaitTermination(5, TimeUnit.SECONDS);
        engine.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
