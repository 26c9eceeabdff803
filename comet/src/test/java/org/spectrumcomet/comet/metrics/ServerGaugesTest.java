package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.EngineVitals;
import org.spectrumcomet.comet.store.CometStoreException;

class ServerGaugesTest {

    @Test
    void readsTheEngineCountsAtScrapeTime() {
        CometMetrics metrics = new CometMetrics();
        ServerGauges.register(metrics, new EngineVitals() {
            @Override
            public long subscriptions() {
                return 7;
            }

            @Override
            public long pipesWithSubscribers() {
                return 3;
            }

            @Override
            public long pendingStoreWrites() {
                return 2;
            }

            @Override
            public long queuedPrivateMessages() {
                return 11;
            }
        });
        Exposition e = new Exposition(metrics.scrape());
        assertThat(e.value("comet_subscriptions")).isEqualTo(7);
        assertThat(e.value("comet_pipes_subscribed")).isEqualTo(3);
        assertThat(e.value("comet_store_pending_writes")).isEqualTo(2);
        assertThat(e.value("comet_offline_queue_messages")).isEqualTo(11);
    }

    @Test
    void theOfflineQueueIsAskedAtMostOnceASecondAndIsNaNWhileTheStoreFails() {
        AtomicInteger asked = new AtomicInteger();
        CometMetrics metrics = new CometMetrics();
        ServerGauges.register(metrics, new EngineVitals() {
            @Override
            public long queuedPrivateMessages() {
                asked.incrementAndGet();
                throw CometStoreException.unreachable("Redis unreachable", null);
            }
        });
        for (int i = 0; i < 20; i++) {
            assertThat(new Exposition(metrics.scrape()).value("comet_offline_queue_messages")).isNaN();
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void theBacklogIsWhatChannelsHoldUnwritten() {
        CometMetrics metrics = new CometMetrics();
        ServerGauges gauges = ServerGauges.register(metrics, EngineVitals.NONE);
        DefaultChannelGroup group = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        EmbeddedChannel small = new EmbeddedChannel(DefaultChannelId.newInstance());
        EmbeddedChannel large = new EmbeddedChannel(DefaultChannelId.newInstance());
        group.add(small);
        group.add(large);
        gauges.watch(group);
        small.write(Unpooled.wrappedBuffer(new byte[100])); // written, not flushed: still in the outbound buffer
        large.write(Unpooled.wrappedBuffer(new byte[1000]));
        Exposition e = new Exposition(metrics.scrape());
        // Netty counts each queued message with a small fixed overhead on top of its bytes.
        assertThat(e.value("comet_outbound_backlog_bytes")).isBetween(1100.0, 1100.0 + 2 * 256);
        assertThat(e.value("comet_outbound_backlog_max_bytes")).isBetween(1000.0, 1000.0 + 256);
        small.flush();
        large.flush();
        assertThat(new Exposition(metrics.scrape()).value("comet_outbound_backlog_bytes")).isZero();
        small.finishAndReleaseAll();
        large.finishAndReleaseAll();
    }
}
