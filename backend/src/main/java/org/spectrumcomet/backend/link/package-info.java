/**
 * The TCP link to the Spectrum main instance (spec §2–§4): connecting with a bounded retry, the
 * handshake (BACKEND_CONFIG first), liveness (PING answered on the event loop with PONG + STATS,
 * a watchdog for a silent main), the end of the link (EXIT, EOF, watchdog), and the single guarded
 * outbound path.
 *
 * <pre>
 *   SpectrumFrameDecoder → WrapperMessageDecoder → {@link org.spectrumcomet.backend.link.LinkHandler}
 *       PING → PONG + STATS (event loop) · EXIT/EOF/watchdog → link ends · rest → dispatcher (workers)
 *   any thread → {@link org.spectrumcomet.backend.link.OutboundGate} (cap, encodes on the caller's thread)
 *       → {@link org.spectrumcomet.backend.link.OutboundQueue} → channel while writable, one flush per burst
 *   PONG/STATS (event loop) → WrapperMessageEncoder.FRAMED → channel directly, ahead of queued frames
 * </pre>
 */
package org.spectrumcomet.backend.link;
