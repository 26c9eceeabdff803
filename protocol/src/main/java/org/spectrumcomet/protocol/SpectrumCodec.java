package org.spectrumcomet.protocol;

import io.netty.channel.ChannelPipeline;

/** Installs the four codec handlers of a Spectrum link in the right order. */
public final class SpectrumCodec {

    private SpectrumCodec() {
    }

    /**
     * Adds framing and {@code WrapperMessage} coding at the end of the pipeline; behaviour handlers
     * go after it and see {@link SpectrumMessage} (and, if {@code reportMalformed}, {@link MalformedFrame}).
     */
    public static void install(ChannelPipeline pipeline, int maxFrameLength, boolean reportMalformed) {
        pipeline.addLast("spectrum-frame-decoder", new SpectrumFrameDecoder(maxFrameLength));
        pipeline.addLast("spectrum-frame-encoder", SpectrumFrameEncoder.INSTANCE);
        pipeline.addLast("spectrum-message-decoder",
                reportMalformed ? WrapperMessageDecoder.REPORTING : WrapperMessageDecoder.SKIPPING);
        pipeline.addLast("spectrum-message-encoder", WrapperMessageEncoder.INSTANCE);
    }
}
