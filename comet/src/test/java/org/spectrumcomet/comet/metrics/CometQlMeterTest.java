package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.mysql.QueryReply;
import org.spectrumcomet.comet.mysql.QueryResult;

class CometQlMeterTest {

    @Test
    void countsTheConnectionAndEveryErrPacketByCodeAndPassesEverythingOn() {
        CometMetrics metrics = new CometMetrics();
        EmbeddedChannel channel = new EmbeddedChannel(new CometQlMeter(metrics));
        channel.writeOutbound(new QueryReply(1, QueryResult.error(15, "Table `x` doesn't exist")));
        channel.writeOutbound(new QueryReply(1, QueryResult.error(15, "Table `y` doesn't exist")));
        channel.writeOutbound(new QueryReply(1, QueryResult.error(500, "store failure")));
        channel.writeOutbound(new QueryReply(1, QueryResult.ok()));
        assertThat(channel.outboundMessages()).hasSize(4);
        Exposition e = new Exposition(metrics.scrape());
        assertThat(e.value("comet_errors_total", "protocol", "cometql", "code", "15")).isEqualTo(2);
        assertThat(e.value("comet_errors_total", "protocol", "cometql", "code", "500")).isEqualTo(1);
        assertThat(e.value("comet_connections_open", "protocol", "cometql")).isEqualTo(1);
        channel.finishAndReleaseAll();
        assertThat(new Exposition(metrics.scrape()).value("comet_connections_closed_total", "protocol", "cometql"))
                .isEqualTo(1);
    }
}
