package org.spectrumcomet.comet.engine.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * What a node's WebSocket clients are told when its link to Redis fails: a {@code sys} {@code error}
 * frame (CppComet's form for server notices) whose text says what the client will see, because the
 * two failures differ. Redis unreachable: nothing from the network arrives and publishing fails.
 * Only the pub/sub connection dropped: publishing works and every pipe message arrives late, read
 * back once it is back, unless the pipe's replay bounds passed meanwhile.
 */
final class OutageNotice {

    /** Same code as the HTTP status of a JSON-API call refused meanwhile: try again later. */
    static final String CODE = "503";

    private OutageNotice() {
    }

    static CometEvent unreachable(long now) {
        return notice(now, "The comet network's Redis is unreachable: messages are not delivered until it returns");
    }

    /**
     * Private messages are not numbered: one published while this node's subscription was away
     * reached the user's connections on other nodes only, or (none there: Redis counted no
     * listener) went to the user's queue, which {@link QueueCatchUp} delivers here once it is back.
     */
    static CometEvent pubSubDropped(long now, PipeReplay bounds) {
        return notice(now, "This node's subscription connection to Redis dropped and reconnects by itself: "
                + "publishing still works; pipe messages published meanwhile arrive late, in order, once it is back "
                + "(up to the newest " + bounds.length() + " per pipe within " + bounds.age().toSeconds()
                + " s, else you are told how many were lost); private messages sent meanwhile reach only your "
                + "connections on other nodes, or if there are none are queued and delivered here once it is back");
    }

    private static CometEvent notice(long now, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", CODE);
        data.put("error", text);
        return new CometEvent("sys", "error", java.util.Collections.unmodifiableMap(data), now, -1, false);
    }
}
