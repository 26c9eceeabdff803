package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class ConnectionMeterTest {

    private final CometMetrics metrics = new CometMetrics();

    private double value(String series) {
        return new Exposition(metrics.scrape()).value(series, "protocol", "websocket");
    }

    @Test
    void aTrackedChannelCountsOpenUntilItClosesOnce() {
        ConnectionMeter meter = metrics.connections(Protocol.WEBSOCKET);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        meter.track(first);
        meter.track(second);
        assertThat(value("comet_connections_open")).isEqualTo(2);
        first.close();
        first.close();
        assertThat(value("comet_connections_open")).isEqualTo(1);
        assertThat(value("comet_connections_accepted_total")).isEqualTo(2);
        assertThat(value("comet_connections_closed_total")).isEqualTo(1);
        second.finishAndReleaseAll();
        assertThat(value("comet_connections_open")).isZero();
    }

    @Test
    void closeCodesCountUnderTheProtocolTheChannelWasTrackedAs() {
        EmbeddedChannel tracked = new EmbeddedChannel();
        metrics.connections(Protocol.JSON_API).track(tracked);
        ConnectionMeter.closeCodeSent(tracked, 1008);
        ConnectionMeter.closeCodeSent(tracked, 1008);
        ConnectionMeter.closeCodeSent(tracked, 1000); // a normal close is no error
        ConnectionMeter.closeCodeSent(new EmbeddedChannel(), 1011); // untracked: not counted
        Exposition e = new Exposition(metrics.scrape());
        assertThat(e.value("comet_errors_total", "protocol", "json_api", "code", "1008")).isEqualTo(2);
        assertThat(e.has("comet_errors_total", "protocol", "json_api", "code", "1000")).isFalse();
        assertThat(e.text).doesNotContain("code=\"1011\"");
        tracked.finishAndReleaseAll();
    }
}
