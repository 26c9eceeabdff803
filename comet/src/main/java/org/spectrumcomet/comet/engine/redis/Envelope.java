package org.spectrumcomet.comet.engine.redis;

import org.spectrumcomet.comet.engine.CometEvent;

/**
 * What travels on a pub/sub channel between nodes: a frame for the channel's local connections,
 * or a command for the user's connections.
 *
 * @param kind {@link #FRAME} or {@link #CLOSE} (the user's key was deleted: close their connections)
 * @param node id of the publishing node
 * @param exceptSession the session on {@code node} that must not get the frame, or -1
 */
record Envelope(String kind, String node, long exceptSession, CometEvent frame) {

    static final String FRAME = "frame";
    static final String CLOSE = "close";

    static Envelope frame(String node, long exceptSession, CometEvent frame) {
        return new Envelope(FRAME, node, exceptSession, frame);
    }

    static Envelope close(String node) {
        return new Envelope(CLOSE, node, -1, null);
    }

    /** True when the frame must skip this session of this node. */
    boolean excludes(String thisNode, long sessionId) {
        return exceptSession == sessionId && node.equals(thisNode);
    }
}
