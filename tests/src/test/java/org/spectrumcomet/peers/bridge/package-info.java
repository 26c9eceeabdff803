/**
 * Smack clients through the real Spectrum 2 driving the real product chain: the comet bridge
 * ({@code bin/spectrum-comet-backend}) spawned by Spectrum, our comet server as its own process,
 * and web users (JDK WebSockets) plus CometQL on the other side.
 *
 * <pre>
 *   Smack --XMPP--&gt; spectrum2 (server mode) --spawns--&gt; bridge --CometQL+WS--&gt; comet server &lt;-- web users, CometQL
 * </pre>
 *
 * {@link org.spectrumcomet.peers.bridge.BridgeChainFixture} starts and stops the chain per test
 * class; {@link org.spectrumcomet.peers.bridge.CometSite} is the comet side (reusable without
 * Spectrum). Every scenario asserts both sides. Classes are {@code *IT}, tag {@code peers}, skipped
 * with the reason without {@code SPECTRUM2_HOME}. See tests/PEERS.md.
 */
package org.spectrumcomet.peers.bridge;
