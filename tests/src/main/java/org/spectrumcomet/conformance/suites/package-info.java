/**
 * Conformance suites run against any backend executable through the emulated main instance.
 *
 * <p>Two kinds ({@link org.spectrumcomet.conformance.suites.Suite.Kind}): protocol suites every
 * backend must pass (handshake, liveness, lifecycle, robustness, wire), and scenario suites that
 * need the legacy side to act, through a {@link org.spectrumcomet.conformance.driver.LegacyDriver}
 * (login, chat, rooms, roster, vcard). {@link org.spectrumcomet.conformance.suites.SuiteRunner}
 * gives every scenario a fresh main instance and backend process, and fails it on any
 * {@link org.spectrumcomet.conformance.main.Violation} flagged while it ran.
 */
package org.spectrumcomet.conformance.suites;
