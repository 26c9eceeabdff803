/**
 * The comet engine of one node among several sharing a network through Redis.
 *
 * <p>{@link org.spectrumcomet.comet.engine.redis.RedisCometEngine} is the facade. Live connections
 * stay in the node's memory ({@link org.spectrumcomet.comet.engine.redis.NodeState},
 * {@link org.spectrumcomet.comet.engine.redis.NodeConnections}), their pipes and users handled by
 * {@link org.spectrumcomet.comet.engine.redis.NodePipes} and
 * {@link org.spectrumcomet.comet.engine.redis.NodeUsers}; what every node must see lives in Redis
 * under keys that all carry the tenant ({@link org.spectrumcomet.comet.engine.redis.RedisKeys}):
 * pipe settings and history ({@link org.spectrumcomet.comet.engine.redis.PipeHistory}), members
 * ({@link org.spectrumcomet.comet.engine.redis.PipeMembers}), users' keys, offline queues
 * ({@link org.spectrumcomet.comet.engine.redis.PrivateDelivery}) and presence
 * ({@link org.spectrumcomet.comet.engine.redis.NetworkPresence}, with the heartbeat and dead-node
 * sweep of {@link org.spectrumcomet.comet.engine.redis.NodeLiveness}).
 *
 * <p>Locking: a user's attach and detach on this node run under that user's striped lock
 * ({@code NodeUsers}); membership changes of a tenant under its {@code NodeConnections} monitor,
 * which never waits for Redis; channel counts under the {@code ChannelSubscriptions} monitor. Locks
 * are taken in that order only. What must be atomic across nodes is a Lua script in Redis.
 *
 * <p>Fan-out: one Redis pub/sub channel per tenant and pipe, subscribed by a node only while one of
 * its connections is subscribed to that pipe ({@link org.spectrumcomet.comet.engine.redis.ChannelSubscriptions}).
 * Redis hands the messages of one channel to each subscribed node in the order it executed the
 * PUBLISH commands, and each node listens on a single connection, so every node sees a pipe's
 * messages once each and in one order. A per-tenant channel would have sent each node every pipe
 * of the tenant and made it filter. Pub/sub keeps nothing for a connection that is away, so each
 * pipe message is also numbered and kept in a bounded per-pipe stream
 * ({@link org.spectrumcomet.comet.engine.redis.PipeReplay}); each node's
 * {@link org.spectrumcomet.comet.engine.redis.PipeFeed} reads back what it missed after a reconnect
 * or a gap and drops what it already handed on. Private messages are not numbered: one sent while the
 * node's pub/sub connection is away is queued (Redis counts no listener), and
 * {@link org.spectrumcomet.comet.engine.redis.QueueCatchUp} hands the connected users their queues
 * once it is back; {@link org.spectrumcomet.comet.engine.redis.OutageNotice} tells the clients which
 * of the two failures happened.
 *
 * <p>Threading: engine methods run on the caller's executor thread and wait (bounded by the
 * command timeout) for Lettuce futures; Lettuce's own event loop only runs the pub/sub listener,
 * which decodes and calls {@link org.spectrumcomet.comet.engine.ClientConnection#deliver}, which
 * never blocks. A Redis failure surfaces as {@link org.spectrumcomet.comet.store.CometStoreException}
 * (CometQL ERR 500): the write had no effect that the caller was told about.
 */
package org.spectrumcomet.comet.engine.redis;
