/**
 * The comet network's state and behaviour, independent of any wire protocol: tenants, users,
 * pipes, subscriptions, presence, pipe history and offline queues.
 *
 * <p>The protocol layers ({@code mysql}/{@code cometql}, {@code ws}, {@code http}) talk only to
 * {@link org.spectrumcomet.comet.engine.CometEngine}; which implementation runs behind it (the
 * embedded durable store today, Redis later) is invisible to them.
 *
 * <p>Threading: engine methods may block on the durable store, so protocol layers call them off
 * their Netty event loops. {@link org.spectrumcomet.comet.engine.ClientConnection#deliver} is the
 * other direction and never blocks.
 */
package org.spectrumcomet.comet.engine;
