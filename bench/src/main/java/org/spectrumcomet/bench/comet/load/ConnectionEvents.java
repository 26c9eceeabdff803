package org.spectrumcomet.bench.comet.load;

import io.netty.channel.Channel;

/** What happens to the benchmark's client connections; called from their event loops. */
interface ConnectionEvents {

    /** The connection speaks WebSocket and (when asked) has sent its subscription. */
    void upgraded(Channel channel);

    /** Connecting or upgrading failed, or the connection broke. */
    void failed(Throwable cause);

    /** The socket closed (after {@link #upgraded} or not). */
    void closed(Channel channel);
}
