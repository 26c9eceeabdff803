package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a comet WebSocket frame means (spec §I.4.5–§I.4.6), as parsed by {@link CometFrameParser}.
 * {@code rawData} keeps the exact text that was relayed; {@code body()} decodes it by the body
 * convention ({@link CometBodyCodec}) on demand — the bridge's sessions decode once, where they use it.
 */
public sealed interface CometEvent {

    /** The first frame after the upgrade: whether the key was accepted. */
    record ServerInfo(boolean authorized, String server, String userKey) implements CometEvent {
    }

    /** A message on a pipe (from CometQL, a browser, or a history replay when {@code fromQueue}). */
    record PipeMessage(String pipe, String event, String rawData, long senderId, long sentAt,
                       boolean fromQueue) implements CometEvent {
        public CometBody body() {
            return CometBodyCodec.decode(rawData);
        }
    }

    /** A private message on {@code msg}: live, or replayed from the offline queue when {@code fromQueue}. */
    record PrivateMessage(String event, String rawData, long sentAt, boolean fromQueue) implements CometEvent {
        public CometBody body() {
            return CometBodyCodec.decode(rawData);
        }
    }

    /** {@code user_status_<id>}: the user's first connection opened, or its last one closed. */
    record Presence(long userId, boolean online) implements CometEvent {
    }

    /** A connection joined or left a {@code track_} pipe. */
    record TrackChange(String pipe, boolean joined, long userId, String uuid) implements CometEvent {
    }

    /** An error notice on {@code sys} (e.g. code 403 "Channel name is too long"). */
    record ServerError(String code, String message) implements CometEvent {
    }

    /** A reply to a command ({@code _answer...} pipes), passed through. */
    record Answer(String pipe, String event, JsonNode data, String marker) implements CometEvent {
    }

    /** A frame that is not a JSON object with a {@code pipe}; kept for logging. */
    record Unparsed(String text, String reason) implements CometEvent {
    }
}
