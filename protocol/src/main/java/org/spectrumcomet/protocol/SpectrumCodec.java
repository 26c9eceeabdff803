package org.spectrumcomet.protocol;

import io.netty.channel.ChannelPipeline;

/** Installs the three codec handlers of a Spectrum link in the right order. */
public final class SpectrumCodec {

    private SpectrumCodec() {
    }

    /**
     * Adds framing and {@code WrapperMessage} coding at the end of the pipeline; behaviour handlers
     * go after it and see {@link SpectrumMessage} (and, if {@code reportMalformed}, {@link MalformedFrame}).
     */
    public static void install(ChannelPipeline pipeline, int maxFrameLength, boolean reportMalformed) {
        pipeline.addLast("spectrum-frame-decoder", new SpectrumFrameDecoder(maxFrameLength));
        pipeline.addLast("spectrum-message-decoder",
                reportMalformed ? WrapperMessageDecoder.REPORTING : WrapperMessageDecoder.SKIPPING);
        // length prefix and body in one buffer: one allocation and one write per frame
        pipeline.addLast("spectrum-message-encoder", WrapperMessageEncoder.FRAMED);
    }
}
