package org.spectrumcomet.comet.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a comet network does, per tenant. Names and ids handed in are already validated
 * by the protocol layer ({@link Names}); the engine enforces the bounds documented on each method.
 *
 * <p>Methods may block on durable storage: never call them on a Netty event loop. They are safe
 * to call from any number of threads.
 */
public interface CometEngine extends AutoCloseable {

    /** The configured tenants (dev_id and key). */
    Tenants tenants();

    // ---- pipes ----------------------------------------------------------------------------

    /**
     * Publishes to every connection of {@code tenant} subscribed to {@code pipe}, and appends the
     * message to the pipe's history when the pipe keeps one (a {@code pipes_settings} length above
     * zero, or a name starting with {@code trust_}).
     *
     * @param senderUserId the publishing user, 0 for CometQL/server side
     * @param exceptSession a session that must not receive its own message ({@code web_pipe2}), or null
     */
    PublishReceipt publish(String tenant, String pipe, String event, String text, long senderUserId,
                           Session exceptSession);

    /**
     * {@link #publish} when it needs no blocking call: the pipe keeps no history and the engine
     * already knows that without reading the store. Never blocks, so a protocol layer may call it
     * on its event loop and skip the hop to a blocking thread.
     *
     * @return empty when the publish needs the store: call {@link #publish} off the event loop
     */
    default Optional<PublishReceipt> publishWithoutBlocking(String tenant, String pipe, String event, String text,
                                                           long senderUserId, Session exceptSession) {
        return Optional.empty();
    }

    /** Kept history of a pipe, oldest first, at most {@code limit} (and never more than 99) rows. */
    List<PipeMessage> history(String tenant, String pipe, int limit);

    /** Clears a pipe's history. */
    void clearHistory(String tenant, String pipe);

    /** Deletes one kept message by its id; false when no such message exists. */
    boolean deleteHistoryMessage(String tenant, String pipe, String messageId);

    /**
     * Deletes one kept message by its id alone, from whichever of the tenant's pipes holds it
     * (CppComet's {@code DELETE FROM pipes_messages WHERE id = ...}); false when none does.
     */
    boolean deleteHistoryMessage(String tenant, String messageId);

    /** Sets how many messages a pipe keeps, 0..{@link Names#MAX_HISTORY_LENGTH}; trims history. */
    void setHistoryLength(String tenant, String pipe, int length);

    /** The pipe's history length, empty when the pipe has no setting. */
    OptionalInt historyLength(String tenant, String pipe);

    /** Removes a pipe's setting and its kept history. */
    void deletePipeSettings(String tenant, String pipe);

    /** Connections (anonymous included) of the tenant subscribed to the pipe. */
    int subscriberCount(String tenant, String pipe);

    /** One entry per connection subscribed to the pipe. */
    List<SubscriberInfo> subscribers(String tenant, String pipe);

    // ---- users ----------------------------------------------------------------------------

    /** Stores the key a user's connections must present; replaces an older one. */
    void setUserKey(String tenant, long userId, String key);

    /** The stored key of a user. */
    Optional<String> userKey(String tenant, long userId);

    /** Removes the user's key and closes every connection authorised as that user. */
    void deleteUserKey(String tenant, long userId);

    /**
     * Sends a private message: delivered at once to every authorised connection of the user (at
     * most {@link Names#MAX_DEVICES_PER_USER}), or durably queued while the user has none. Queued
     * messages are delivered exactly once, on the user's next connection. When the user is offline
     * and already has the maximum of queued messages, nothing is stored and the receipt says
     * {@link PrivateReceipt#refused()}; older queued messages are never dropped.
     */
    PrivateReceipt sendToUser(String tenant, long userId, String event, String text);

    /** The user's undelivered queue, oldest first. */
    List<QueuedMessage> queue(String tenant, long userId);

    /** Empties the user's queue. */
    void clearQueue(String tenant, long userId);

    /**
     * Presence as {@code users_time} reports it: 0 while at least one connection of the user is
     * online, the unix time (seconds) its last connection closed, -1 when never seen.
     */
    long lastOnline(String tenant, long userId);

    // ---- connections ----------------------------------------------------------------------

    /**
     * Registers a live client connection. For an authorised user ({@code userId > 0}) this
     * delivers the queued private messages (then removes them), and on the user's first
     * connection publishes {@code online} on {@code user_status_<id>}.
     *
     * @param userId 0 for an anonymous connection
     */
    Session attach(String tenant, long userId, ClientConnection connection);

    /** Replaces the session's whole subscription set (CppComet semantics); emits track_ events. */
    void subscribe(Session session, List<String> pipes);

    /** Unregisters a connection: leaves its pipes, and on the user's last connection goes offline. */
    void detach(Session session);

    // ---- operations -----------------------------------------------------------------------

    /** Counts and a store probe for {@code /metrics} and {@code /health}; nothing by default. */
    default EngineVitals vitals() {
        return EngineVitals.NONE;
    }

    @Override
    void close();
}
