package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.spectrumcomet.comet.store.CometStoreException;

/**
 * The node's two connections to Redis: one for commands, one for pub/sub (a subscribed
 * connection can run nothing else). Both reconnect by themselves (Lettuce), the pub/sub one
 * subscribing its channels again. While Redis is unreachable, commands are refused at once
 * instead of buffered, so a caller never waits past the command timeout for an answer.
 */
final class RedisLink implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final RedisClient client;
    private final ClientResources resources;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final long timeoutMillis;
    private volatile boolean closed;
    /** Script text → SHA-1, as EVALSHA names it. */
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    private RedisLink(RedisClient client, ClientResources resources, StatefulRedisConnection<String, String> commands,
                      StatefulRedisPubSubConnection<String, String> pubSub, long timeoutMillis) {
        this.client = client;
        this.resources = resources;
        this.commands = commands;
        this.pubSub = pubSub;
        this.timeoutMillis = timeoutMillis;
    }

    /** @throws CometStoreException when Redis cannot be reached now */
    static RedisLink connect(RedisSettings settings) {
        // Connecting includes a fresh JVM's first Netty/Lettuce start-up: give it CONNECT_TIMEOUT, not
        // the command timeout (which await() applies to every call itself).
        Duration connect = settings.commandTimeout().compareTo(CONNECT_TIMEOUT) > 0 ? settings.commandTimeout()
                : CONNECT_TIMEOUT;
        RedisURI.Builder uri = RedisURI.builder().withHost(settings.host()).withPort(settings.port())
                .withDatabase(settings.database()).withTimeout(connect);
        if (!settings.password().isEmpty()) {
            uri.withPassword(settings.password().toCharArray());
        }
        // Retry at most a second apart, so a node is back within about a second of Redis.
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connect).build())
                .build());
        try {
            StatefulRedisConnection<String, String> commands = client.connect();
            StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
            return new RedisLink(client, resources, commands, pubSub, settings.commandTimeout().toMillis());
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw CometStoreException.unreachable("cannot reach Redis at " + settings + ": " + e.getMessage(), e);
        }
    }

    /** Which of the node's two connections an availability change concerns. */
    enum Connection { COMMANDS, PUB_SUB }

    /**
     * Tells {@code availability} when one of the connections to Redis drops (false) or is made
     * again (true); called on Lettuce's threads, so it must not block. Nothing after {@link #close()}.
     */
    void watch(BiConsumer<Connection, Boolean> availability) {
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (!closed) {
                    availability.accept(which(connection), true);
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (!closed) {
                    availability.accept(which(connection), false);
                }
            }
        });
    }

    private Connection which(RedisChannelHandler<?, ?> connection) {
        return connection == pubSub ? Connection.PUB_SUB : Connection.COMMANDS;
    }

    /**
     * Whether the command connection answers a PING within the command timeout (asynchronous,
     * never waits): tells a dropped pub/sub connection apart from an unreachable Redis.
     */
    CompletionStage<Boolean> commandsAnswer() {
        return commands().ping().toCompletableFuture().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .handle((pong, e) -> e == null && "PONG".equals(pong));
    }

    /**
     * Runs a Lua script by its SHA-1 (EVALSHA), sending the text (EVAL, which also caches it)
     * only when Redis does not know it yet, e.g. after a restart. Saves sending each script's
     * text with every publish.
     */
    <T> CompletionStage<T> eval(String script, ScriptOutputType type, String[] keys, String... args) {
        String sha = digests.computeIfAbsent(script, RedisLink::sha1);
        CompletableFuture<T> answer = new CompletableFuture<>();
        commands().<T>evalsha(sha, type, keys, args).whenComplete((value, e) -> {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof RedisNoScriptException) {
                commands().<T>eval(script, type, keys, args).whenComplete((again, e2) -> {
                    if (e2 != null) {
                        answer.completeExceptionally(e2);
                    } else {
                        answer.complete(again);
                    }
                });
            } else if (e != null) {
                answer.completeExceptionally(cause);
            } else {
                answer.complete(value);
            }
        });
        return answer;
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from this JVM", e);
        }
    }

    RedisAsyncCommands<String, String> commands() {
        return commands.async();
    }

    StatefulRedisPubSubConnection<String, String> pubSub() {
        return pubSub;
    }

    /**
     * Waits for a Redis answer on the calling (executor) thread, never on an event loop.
     *
     * @throws CometStoreException when Redis failed, refused or did not answer within the timeout
     */
    <T> T await(CompletionStage<T> answer, String what) {
        try {
            return answer.toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CometStoreException("interrupted while waiting for Redis: " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisConnectionException || !commands.isOpen() || !pubSub.isOpen()) {
                throw CometStoreException.unreachable("Redis unreachable: " + what + ": " + cause.getMessage(), cause);
            }
            throw new CometStoreException("Redis failed: " + what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw CometStoreException.unreachable("Redis did not answer within " + timeoutMillis + " ms: " + what, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        pubSub.close();
        commands.close();
        client.shutdown();
        resources.shutdown();
    }
}
