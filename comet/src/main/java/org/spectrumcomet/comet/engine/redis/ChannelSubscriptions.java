package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's pub/sub channels, counted: SUBSCRIBE when the first local user of a channel comes,
 * UNSUBSCRIBE when the last one goes. Both are sent under this object's monitor on the single
 * pub/sub connection, so Redis sees them in the order the counts changed.
 *
 * <p>Messages arrive on Lettuce's event loop, one at a time in channel order, and go to the
 * channel's handler, which must not block. A handler that throws loses only that message (logged).
 */
final class ChannelSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ChannelSubscriptions.class);

    /** Handles a channel's messages; told when the pub/sub connection is back, to read back what it missed. */
    @FunctionalInterface
    interface Listener extends Consumer<Envelope> {
        default void reconnected() {
        }
    }

    private record Entry(Listener handler, CompletableFuture<Void> subscribed, int[] count) {
    }

    private final StatefulRedisPubSubConnection<String, String> connection;
    private final Map<String, Entry> channels = new HashMap<>();
    /** Read by the listener without the monitor. */
    private final Map<String, Listener> handlers = new java.util.concurrent.ConcurrentHashMap<>();

    ChannelSubscriptions(StatefulRedisPubSubConnection<String, String> connection) {
        this.connection = connection;
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                dispatch(channel, message);
            }
        });
    }

    /**
     * Counts one more local user of the channel; the answer completes once Redis confirmed SUBSCRIBE.
     * The handler is used only by the first user (later ones share it).
     */
    synchronized CompletionStage<Void> acquire(String channel, Listener handler) {
        Entry entry = channels.get(channel);
        if (entry != null) {
            entry.count[0]++;
            return entry.subscribed;
        }
        handlers.put(channel, handler);
        CompletableFuture<Void> subscribed = connection.async().subscribe(channel).toCompletableFuture();
        channels.put(channel, new Entry(handler, subscribed, new int[] {1}));
        return subscribed;
    }

    /** Counts one local user fewer; the last one unsubscribes. */
    synchronized void release(String channel) {
        Entry entry = channels.get(channel);
        if (entry == null) {
            return;
        }
        if (--entry.count[0] == 0) {
            channels.remove(channel);
            connection.async().unsubscribe(channel).whenComplete((done, e) -> {
                // The handler stays until Redis confirmed: a message published before UNSUBSCRIBE
                // (a private message racing the user's last disconnect) still reaches it.
                synchronized (this) {
                    if (!channels.containsKey(channel)) {
                        handlers.remove(channel);
                    }
                }
                if (e != null) {
                    // Redis away: Lettuce resubscribes only what is still subscribed on reconnect.
                    log.warn("channel {}: UNSUBSCRIBE failed: {}", channel, e.toString());
                }
            });
        }
    }

    /**
     * SUBSCRIBEs every counted channel again: one refused while Redis was away is not among those
     * Lettuce restores on reconnect. Redis ignores a repeated SUBSCRIBE of a channel. Once Redis
     * confirmed, every channel is subscribed: each listener is told, so it can read back what was
     * published meanwhile (anything later arrives live).
     */
    synchronized void resubscribeAll() {
        if (channels.isEmpty()) {
            return;
        }
        connection.async().subscribe(channels.keySet().toArray(String[]::new)).thenRun(
                () -> handlers.values().forEach(Listener::reconnected)).exceptionally(e -> {
                    log.warn("{} channels not subscribed again: {}", channels.size(), e.toString());
                    return null;
                });
    }

    private void dispatch(String channel, String message) {
        Listener handler = handlers.get(channel);
        if (handler == null) {
            return; // arrived between our UNSUBSCRIBE and Redis's confirmation
        }
        try {
            handler.accept(EnvelopeCodec.decode(message));
        } catch (RuntimeException e) {
            log.warn("channel {}: message dropped: {}", channel, e.toString());
        }
    }
}
