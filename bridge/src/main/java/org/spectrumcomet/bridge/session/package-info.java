/**
 * Per-user sessions: LOGIN/LOGOUT onto one comet socket per user, the login outcome rules, the
 * grace period after a lost socket, and the narrow port onto the comet network
 * ({@link org.spectrumcomet.bridge.session.CometNetwork}) that sessions are written and tested against.
 *
 * <p>Threading: each session runs its work on its own {@link org.spectrumcomet.bridge.session.SerialExecutor};
 * library handler calls and comet events only hand work over, so no event loop ever waits on a
 * session and one user's hung socket delays nobody else.
 */
package org.spectrumcomet.bridge.session;
