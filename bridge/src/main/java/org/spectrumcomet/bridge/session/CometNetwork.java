package org.spectrumcomet.bridge.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.spectrumcomet.bridge.comet.CometBody;

/**
 * What sessions need from the comet network, and nothing more: one WebSocket per user plus a few
 * CometQL statements. {@link CometClientNetwork} implements it on the comet client; tests use a fake.
 *
 * <p>No method blocks; every future completes (normally or exceptionally) within the configured
 * timeouts. Failures carry a message fit for the user ("comet refused the message: ...").
 */
public interface CometNetwork {

    /** Opens user {@code userId}'s socket with {@code key} (auth hash or JWT); events go to {@code listener}. */
    CometUserLink open(long userId, String key, CometLinkListener listener);

    /** {@code INSERT INTO users_messages}: a private message, queued by comet while the user is offline. */
    CompletableFuture<Void> sendPrivate(long userId, String event, CometBody body);

    /** {@code INSERT INTO pipes_messages}: a message to every subscriber of {@code pipe}. */
    CompletableFuture<Void> publish(String pipe, String event, CometBody body);

    /**
     * {@code users_time} for these ids: 0 = online now, a positive unix time = last seen then,
     * -1 = never seen. Ids comet does not answer for are missing from the map.
     */
    CompletableFuture<Map<Long, Long>> lastOnline(Collection<Long> userIds);

    /** {@code SELECT FROM pipes_messages}: the pipe's kept history, oldest first (empty without history). */
    CompletableFuture<List<CometMessage>> history(String pipe);

    /** {@code users_in_pipes}: user ids of the pipe's subscribers (0 = anonymous; one entry per connection). */
    CompletableFuture<List<Long>> subscribers(String pipe);
}
