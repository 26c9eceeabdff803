package org.spectrumcomet.bridge.comet.servers;

import org.spectrumcomet.bridge.comet.CometEndpoint;

/** A running comet server the client tests talk to over loopback. */
public interface CometServerUnderTest {

    /** Short name for test display ("cppcomet", "ours"). */
    String name();

    /** Endpoint for tenant 0 with the server's key. */
    CometEndpoint endpoint();
}
