/**
 * What a backend implements: one small handler interface per concern, each receiving the
 * main instance's frames (generated {@code pbnetwork} messages) for that concern.
 *
 * <p>Every callback runs on a worker thread, never on the link's event loop, and the callbacks of
 * one user run one after another in arrival order (see
 * {@link org.spectrumcomet.backend.dispatch.InboundDispatcher}). A callback may block; it then
 * only delays that user's later frames. A callback that throws is logged with the user's JID
 * and affects nobody else.
 *
 * <p>Answers go out through {@link org.spectrumcomet.backend.outbound.MainInstance}, from any
 * thread, at any time. When a backend leaves a whole handler out, the library answers what
 * Spectrum waits for (documented on each interface) and ignores the rest with a debug log.
 */
package org.spectrumcomet.backend.handler;
