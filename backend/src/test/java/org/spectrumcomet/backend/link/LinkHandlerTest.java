package org.spectrumcomet.backend.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.outbound.BackendFeatures;

class LinkHandlerTest {

    private final List<LinkEnd> ends = new ArrayList<>();

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new LinkHandler(BackendFeatures.builder().build(), new ProcessStats(),
                Duration.ofSeconds(60), m -> { }, ends::add));
    }

    @Test
    void anOutOfMemoryErrorEndsTheLinkWithAFailureCode() {
        EmbeddedChannel ch = channel();
        ch.readOutbound(); // BACKEND_CONFIG
        ch.pipeline().fireExceptionCaught(new OutOfMemoryError("Cannot reserve 4194304 bytes of direct buffer memory"));
        assertThat(ends).containsExactly(LinkEnd.INTERNAL_ERROR);
        assertThat(LinkEnd.INTERNAL_ERROR.exitCode()).isEqualTo(1);
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void anIoFailureIsAnEof() {
        EmbeddedChannel ch = channel();
        ch.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        assertThat(ends).containsExactly(LinkEnd.EOF);
        ch.finishAndReleaseAll();
    }
}
