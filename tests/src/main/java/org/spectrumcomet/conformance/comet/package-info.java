/**
 * The comet side of the conformance suites and end-to-end tests, with real clients: our comet
 * server as its own process ({@link org.spectrumcomet.conformance.comet.CometServerProcess}),
 * CometQL over MariaDB Connector/J ({@link org.spectrumcomet.conformance.comet.CometQl}), web users
 * on JDK WebSockets ({@link org.spectrumcomet.conformance.comet.WebUser}), a TCP gate in front of
 * the backend's comet sockets that can refuse or freeze one user's traffic
 * ({@link org.spectrumcomet.conformance.comet.CometGate}), and the
 * {@link org.spectrumcomet.conformance.comet.CometDriver} that plugs them into the suites.
 */
package org.spectrumcomet.conformance.comet;
