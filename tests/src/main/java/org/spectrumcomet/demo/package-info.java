/**
 * {@code bin/spectrum-comet demo}: an XMPP-side user and a web-side user talking through the real
 * comet bridge, end to end, with a short readable transcript on stdout.
 *
 * <p>Everything runs on loopback with ephemeral ports: our comet server in this process (in
 * memory, one demo tenant), an emulated Spectrum 2 main instance (the conformance kit's {@code
 * conformance.main}) that spawns the real backend process exactly as Spectrum does, a web user on
 * a JDK WebSocket with CppComet's URL, and the site's own server side writing over CometQL.
 *
 * <pre>
 *   DemoScript (Steps, Conversation) ── Transcript (stdout)
 *     ├─ InProcessComet   our comet server, in memory
 *     ├─ SiteServer       CometQL over MariaDB Connector/J (user keys, pipe settings, sends)
 *     ├─ SpectrumMain     emulated main instance + spawned bin/spectrum-comet-backend
 *     │    └─ XmppUser    alice@localhost as the main represents her to the backend
 *     └─ WebUser          bob's browser-side comet socket
 * </pre>
 */
package org.spectrumcomet.demo;
