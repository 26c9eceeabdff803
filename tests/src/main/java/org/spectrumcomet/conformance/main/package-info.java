/**
 * An emulated Spectrum 2 main instance: it spawns a backend executable the way Spectrum does,
 * speaks the backend protocol to it over real TCP, and flags every frame that would make the real
 * main drop it or crash.
 *
 * <pre>
 *   {@link org.spectrumcomet.conformance.main.MainInstance}   listens, spawns ({@link org.spectrumcomet.conformance.main.BackendProcess}), drives users
 *     └ {@link org.spectrumcomet.conformance.main.BackendLink}  one accepted backend connection: codec → records, checks, user logic, ping schedule
 *         ├ {@link org.spectrumcomet.conformance.main.FrameChecks} / {@link org.spectrumcomet.conformance.main.BackendConfigCheck}  per-frame rules
 *         ├ {@link org.spectrumcomet.conformance.main.MainUsers}  per-user rules (one answer per LOGIN, reconnects, rooms)
 *         └ {@link org.spectrumcomet.conformance.main.Recording} / {@link org.spectrumcomet.conformance.main.Violations}  what happened, with await helpers
 * </pre>
 *
 * Behaviour follows {@code shared/spec/spectrum-backend-protocol.md} (Spectrum's NetworkPluginServer).
 */
package org.spectrumcomet.conformance.main;
