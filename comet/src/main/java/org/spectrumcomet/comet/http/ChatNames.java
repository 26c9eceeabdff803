package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.spectrumcomet.comet.engine.Names;

/**
 * The checks on names and ids the chat page's site calls accept. Rooms are ordinary pipes (3..64
 * characters of {@code A-Za-z0-9_-}, as CometQL requires), except those the server speaks on or
 * that carry meaning for others: {@code msg}, {@code sys}, {@code _answer…}, and
 * {@code user_status_<id>}, where a page could otherwise fake another user's presence.
 */
final class ChatNames {

    private ChatNames() {
    }

    static String pipe(JsonNode value) throws CometApiCalls.BadRequest {
        String pipe = value.isTextual() ? value.asText() : "";
        if (pipe.length() < Names.MIN_PIPE_NAME || pipe.length() > Names.MAX_PIPE_NAME
                || !Names.NAME_ALPHABET.matcher(pipe).matches()) {
            throw new CometApiCalls.BadRequest("\"pipe\" must be a pipe name: " + Names.MIN_PIPE_NAME + ".."
                    + Names.MAX_PIPE_NAME + " characters of A-Za-z0-9_-");
        }
        if (pipe.equals("msg") || pipe.equals("sys") || pipe.startsWith("_") || pipe.startsWith("user_status_")) {
            throw new CometApiCalls.BadRequest("pipe " + pipe + " is reserved (msg, sys, _answer…, user_status_…)");
        }
        return pipe;
    }

    static String event(JsonNode value) throws CometApiCalls.BadRequest {
        String event = value.isMissingNode() ? "message" : value.isTextual() ? value.asText() : "";
        if (event.isEmpty() || event.length() > Names.MAX_EVENT_NAME || !Names.NAME_ALPHABET.matcher(event).matches()) {
            throw new CometApiCalls.BadRequest("\"event\" must be 1.." + Names.MAX_EVENT_NAME
                    + " characters of A-Za-z0-9_-");
        }
        return event;
    }

    static long user(JsonNode value, String what) throws CometApiCalls.BadRequest {
        long id = value.isIntegralNumber() && value.canConvertToLong() ? value.asLong()
                : value.isTextual() && value.asText().matches("[0-9]{1,9}") ? Long.parseLong(value.asText()) : -1;
        if (id <= 0 || id > Names.MAX_USER_ID) {
            throw new CometApiCalls.BadRequest(what + " must be a user id, 1.." + Names.MAX_USER_ID);
        }
        return id;
    }
}
