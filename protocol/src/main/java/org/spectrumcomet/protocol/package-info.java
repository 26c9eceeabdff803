/**
 * The Spectrum 2 backend wire protocol: framing and the {@code WrapperMessage} codec.
 *
 * <p>A link to (or from) a Spectrum 2 main instance carries frames of a 4-byte big-endian length
 * followed by a serialized {@code pbnetwork.WrapperMessage}. The pipeline is:
 * <pre>
 *   inbound:  {@link org.spectrumcomet.protocol.SpectrumFrameDecoder} (length, size guard)
 *          → {@link org.spectrumcomet.protocol.WrapperMessageDecoder}  (bytes → {@link org.spectrumcomet.protocol.SpectrumMessage})
 *   outbound: {@link org.spectrumcomet.protocol.WrapperMessageEncoder#FRAMED}  ({@code SpectrumMessage} → length prefix + bytes)
 * </pre>
 * {@link org.spectrumcomet.protocol.SpectrumCodec} installs the three a link needs (frame decoder, message decoder, framing message encoder). No behaviour lives here.
 * The generated schema classes are in {@code org.spectrumcomet.protocol.pb}.
 */
package org.spectrumcomet.protocol;
