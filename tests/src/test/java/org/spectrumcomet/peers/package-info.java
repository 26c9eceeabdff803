/**
 * Integration suites against the <em>real</em> Spectrum 2 main instance (the test bundle that
 * {@code SPECTRUM2_HOME} points at), driven by real XMPP clients (Smack).
 *
 * <pre>
 *   Smack client --XMPP--&gt; spectrum2 (server mode) --backend protocol--&gt; backend under test
 * </pre>
 *
 * {@link org.spectrumcomet.peers.SpectrumServerFixture} starts and stops one main instance per test
 * class with a {@link org.spectrumcomet.peers.PeerBackend} (command + extra transport config);
 * {@link org.spectrumcomet.peers.SmackClients} logs users in. The classes are named {@code *IT} and
 * tagged {@code peers}: failsafe runs them after {@code package}, because the backend launcher needs
 * the built jars. Without {@code SPECTRUM2_HOME} they are skipped with the reason. See tests/PEERS.md.
 *
 * <p>The usual deployment, gateway mode, has its own chain: {@link org.spectrumcomet.peers.ProsodyGatewayFixture}
 * runs a real Prosody ({@link org.spectrumcomet.peers.ProsodyServer}) with Spectrum 2 as its component
 * ({@link org.spectrumcomet.peers.SpectrumComponent}) spawning the comet bridge.
 */
package org.spectrumcomet.peers;
