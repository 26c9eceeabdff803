/**
 * The comet bridge: a Spectrum 2 backend that maps XMPP users, chats, rooms, buddies, typing,
 * receipts and status onto comet users and pipes.
 *
 * <p>{@link org.spectrumcomet.bridge.SpectrumCometBackend} is the process entry point
 * ({@code bin/spectrum-comet-backend}); {@link org.spectrumcomet.bridge.CometBridge} wires the
 * handlers. Packages: {@code session} (LOGIN/LOGOUT, grace period, the comet port), {@code chat},
 * {@code rooms}, {@code presence}, {@code vcard}, {@code config} ({@code [comet]}), {@code comet}
 * (the comet client).
 */
package org.spectrumcomet.bridge;
