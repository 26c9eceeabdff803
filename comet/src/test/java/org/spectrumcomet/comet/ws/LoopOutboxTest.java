package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopOutboxTest {

    @Test
    void aDeliveryToALoopThatIsShuttingDownIsDroppedWithoutFailingThePublisher() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        LoopOutbox outbox = LoopOutbox.of(loop);
        loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
        LoopOutbox.Item item = new LoopOutbox.Item() {
            @Override
            public CometSocketConnection connection() {
                throw new AssertionError("never written");
            }

            @Override
            public void write() {
                throw new AssertionError("never written");
            }
        };
        // A publish loops over many subscribers: one on a stopping loop must not abort the rest.
        assertThatCode(() -> {
            outbox.add(item);
            outbox.add(item);
        }).doesNotThrowAnyException();
    }
}
