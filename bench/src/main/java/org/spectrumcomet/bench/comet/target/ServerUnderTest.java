package org.spectrumcomet.bench.comet.target;

import java.net.InetSocketAddress;
import java.util.List;
import org.spectrumcomet.bench.comet.load.Publisher;

/** A running server the benchmark loads: where its WebSockets go and how to publish to it. */
public interface ServerUnderTest extends AutoCloseable {

    /** Short name for the tables ("ours", "raw Netty", "CppComet"). */
    String name();

    /** The WebSocket listener. */
    InetSocketAddress ws();

    /** Opens a publisher to {@code pipe} (a CometQL connection, or a line connection for raw). */
    Publisher publisher(String pipe, String event) throws Exception;

    /** The processes whose memory counts as the server's (RSS is summed over them). */
    List<Long> pids();

    /** True when {@link #pids()}'s first process is a HotSpot JVM (heap can be measured with jcmd). */
    boolean jvm();

    /** Stops the server by PID (bounded) and waits for it. */
    @Override
    void close();
}
