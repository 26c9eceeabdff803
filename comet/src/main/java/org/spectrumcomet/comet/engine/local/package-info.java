/**
 * The comet engine of a single server process: subscriptions, live connections and presence in
 * memory, everything that must survive a restart in a {@link org.spectrumcomet.comet.store.CometStore}.
 *
 * <p>{@link org.spectrumcomet.comet.engine.local.LocalCometEngine} is the facade; per tenant a
 * {@link org.spectrumcomet.comet.engine.local.TenantState} holds the pipe membership
 * ({@link org.spectrumcomet.comet.engine.local.Subscriptions}) and the users' connections
 * ({@link org.spectrumcomet.comet.engine.UserConnections}). Private messages and offline
 * queues live in {@link org.spectrumcomet.comet.engine.local.PrivateMessages}, presence in
 * {@link org.spectrumcomet.comet.engine.local.Presence}, pipe publishing and history in
 * {@link org.spectrumcomet.comet.engine.local.PipeFanout}.
 *
 * <p>Locking: work on one user (attach, detach, private message, key deletion) runs under that
 * user's lock from {@link org.spectrumcomet.comet.engine.local.UserLocks}, which makes "no live
 * connection → queue" and "connect → replay the queue" mutually exclusive; membership changes of a
 * tenant run under its {@code Subscriptions} monitor. Locks are only ever taken in that order.
 * Fan-out iterates concurrent sets without a lock; {@code deliver()} never blocks.
 */
package org.spectrumcomet.comet.engine.local;
