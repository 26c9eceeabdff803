package org.spectrumcomet.comet.engine.redis;

import java.util.Set;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * What travels on a pub/sub channel between nodes: a frame for the channel's local connections,
 * or a command for the user's connections.
 *
 * @param kind {@link #FRAME} or {@link #CLOSE} (the user's key was deleted: close their connections)
 * @param node id of the publishing node
 * @param exceptSession the session on {@code node} that must not get the frame, or -1
 * @param recipients for a private message, the {@code <node>/<session>} connections chosen to get
 *                   it (added by the sending script); null: every connection of the channel
 * @param sequence a pipe message's number in its pipe (set by the publishing script, from 1), or -1
 *                 for what is not numbered (private messages, commands)
 */
record Envelope(String kind, String node, long exceptSession, CometEvent frame, Set<String> recipients,
                long sequence) {

    static final String FRAME = "frame";
    static final String CLOSE = "close";

    static Envelope frame(String node, long exceptSession, CometEvent frame) {
        return new Envelope(FRAME, node, exceptSession, frame, null, -1);
    }

    static Envelope close(String node) {
        return new Envelope(CLOSE, node, -1, null, null, -1);
    }

    /** True when a private message was meant for this session of this node (or for all). */
    boolean chose(String thisNode, long sessionId) {
        return recipients == null || recipients.contains(thisNode + "/" + sessionId);
    }

    /** True when the frame must skip this session of this node. */
    boolean excludes(String thisNode, long sessionId) {
        return exceptSession == sessionId && node.equals(thisNode);
    }
}
