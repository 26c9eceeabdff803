/**
 * The comet network's durable state: user keys ({@code users_auth}), pipe settings and history,
 * offline private-message queues and last-seen times ({@code users_time}), every row namespaced
 * by tenant.
 *
 * <p>{@link org.spectrumcomet.comet.store.CometStore} is the seam; {@link
 * org.spectrumcomet.comet.store.MemoryStore} keeps everything in the heap ({@code --in-memory}),
 * {@link org.spectrumcomet.comet.store.SqliteStore} in an embedded SQLite database. All calls
 * block; callers are engine methods, which run off the Netty event loops.
 */
package org.spectrumcomet.comet.store;
