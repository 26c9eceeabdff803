package org.spectrumcomet.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecPipelineTest {

    @Test
    void encodesEachSampleToItsWireBytesAndDecodesItToOneDispatch() {
        try (CodecPipeline pipeline = new CodecPipeline()) {
            long dispatched = 0;
            for (SampleFrame sample : SampleFrame.values()) {
                assertThat(pipeline.encode(sample.message())).as(sample.name()).isEqualTo(sample.frame().length);
                pipeline.decode(sample.frame());
                dispatched = pipeline.decodeCopied(sample.frame());
            }
            assertThat(dispatched).isEqualTo(2L * SampleFrame.values().length);
            assertThat(pipeline.dispatch().malformed()).isZero();
            assertThat(pipeline.dispatch().userChars()).isEqualTo(2L * "alice@example.org".length()); // CONV_MESSAGE reaches its handler twice
        }
    }

    @Test
    void theChatSampleCarriesA100ByteText() {
        assertThat(SampleFrame.text(100)).hasSize(100);
    }
}
