/**
 * What a backend sends to the main instance: the typed {@link org.spectrumcomet.backend.outbound.MainInstance}
 * API, the value types it takes, and the guards that keep every frame acceptable to Spectrum.
 *
 * <p>Every frame built here sets all proto2 required fields (Spectrum silently drops a message
 * that lacks one), strips characters XML cannot carry ({@link org.spectrumcomet.backend.outbound.XmlText}),
 * formats timestamps only as {@code YYYYMMDDTHHMMSS} UTC ({@link org.spectrumcomet.backend.outbound.SpectrumTimestamp}),
 * never uses a type the main ignores from a backend ({@link org.spectrumcomet.backend.outbound.OutboundTypes}),
 * and keeps one CONNECTED or DISCONNECTED per LOGIN ({@link org.spectrumcomet.backend.outbound.LoginLedger}).
 */
package org.spectrumcomet.backend.outbound;
