/**
 * The comet engine of one node among several sharing a network through Redis.
 *
 * <p>{@link org.spectrumcomet.comet.engine.redis.RedisCometEngine} is the facade. Live connections
 * stay in the node's memory ({@link org.spectrumcomet.comet.engine.redis.NodeConnections}); what
 * every node must see lives in Redis under keys that all carry the tenant
 * ({@link org.spectrumcomet.comet.engine.redis.RedisKeys}): pipe settings and history
 * ({@link org.spectrumcomet.comet.engine.redis.PipeHistory}), users' keys, offline queues
 * ({@link org.spectrumcomet.comet.engine.redis.PrivateDelivery}) and presence
 * ({@link org.spectrumcomet.comet.engine.redis.NetworkPresence}).
 *
 * <p>Fan-out: one Redis pub/sub channel per tenant and pipe, subscribed by a node only while one of
 * its connections is subscribed to that pipe ({@link org.spectrumcomet.comet.engine.redis.ChannelSubscriptions}).
 * Redis hands the messages of one channel to each subscribed node in the order it executed the
 * PUBLISH commands, and each node listens on a single connection, so every node sees a pipe's
 * messages once each and in one order. A per-tenant channel would have sent each node every pipe
 * of the tenant and made it filter.
 *
 * <p>Threading: engine methods run on the caller's executor thread and wait (bounded by the
 * command timeout) for Lettuce futures; Lettuce's own event loop only runs the pub/sub listener,
 * which decodes and calls {@link org.spectrumcomet.comet.engine.ClientConnection#deliver}, which
 * never blocks. A Redis failure surfaces as {@link org.spectrumcomet.comet.store.CometStoreException}
 * (CometQL ERR 500): the write had no effect that the caller was told about.
 */
package org.spectrumcomet.comet.engine.redis;
