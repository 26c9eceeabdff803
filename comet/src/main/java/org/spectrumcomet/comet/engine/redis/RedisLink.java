package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.spectrumcomet.comet.store.CometStoreException;

/**
 * The node's two connections to Redis: one for commands, one for pub/sub (a subscribed
 * connection can run nothing else). Both reconnect by themselves (Lettuce), the pub/sub one
 * subscribing its channels again. While Redis is unreachable, commands are refused at once
 * instead of buffered, so a caller never waits past the command timeout for an answer.
 */
final class RedisLink implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final long timeoutMillis;

    private RedisLink(RedisClient client, StatefulRedisConnection<String, String> commands,
                      StatefulRedisPubSubConnection<String, String> pubSub, long timeoutMillis) {
        this.client = client;
        this.commands = commands;
        this.pubSub = pubSub;
        this.timeoutMillis = timeoutMillis;
    }

    /** @throws CometStoreException when Redis cannot be reached now */
    static RedisLink connect(RedisSettings settings) {
        RedisURI.Builder uri = RedisURI.builder().withHost(settings.host()).withPort(settings.port())
                .withDatabase(settings.database()).withTimeout(settings.commandTimeout());
        if (!settings.password().isEmpty()) {
            uri.withPassword(settings.password().toCharArray());
        }
        RedisClient client = RedisClient.create(uri.build());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.commandTimeout()).build())
                .build());
        try {
            StatefulRedisConnection<String, String> commands = client.connect();
            StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
            return new RedisLink(client, commands, pubSub, settings.commandTimeout().toMillis());
        } catch (RuntimeException e) {
            client.shutdown();
            throw new CometStoreException("cannot reach Redis at " + settings + ": " + e.getMessage(), e);
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
            throw new CometStoreException("Redis failed: " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new CometStoreException("Redis did not answer within " + timeoutMillis + " ms: " + what, e);
        }
    }

    @Override
    public void close() {
        pubSub.close();
        commands.close();
        client.shutdown();
    }
}
