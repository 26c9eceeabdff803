package org.spectrumcomet.comet.ws;

import org.spectrumcomet.comet.engine.Names;

/**
 * The argument of {@code web_pipe2} (spec §I.4.4): {@code <pipe>\n<event>\n<one char>\n<text>},
 * a message a browser publishes. Allowed pipes: {@code web_*}, {@code webauth_*} (authorised
 * senders only) and {@code @web_*} (published without the sender's id).
 *
 * <p>The text is relayed exactly as received. CppComet SQL-escapes it first ({@code "} → {@code \"},
 * newline → {@code \n}, ...); we deliberately do not reproduce that quirk, so what one browser
 * sends is byte for byte what the others receive.
 *
 * @param requested the pipe as the client wrote it (the ack goes to {@code _answer_to_<requested>})
 * @param pipe the pipe published to ({@code @} removed)
 * @param anonymousSender true for {@code @web_*}: subscribers see user id 0
 */
public record WebPipeMessage(String requested, String pipe, String event, String text, boolean anonymousSender) {

    public static final String INVALID_PIPE = "[pipe_msg2] Invalid channel name. The channel should begin with web_";

    /** @throws Refused with the error text for the client (the connection stays open) */
    public static WebPipeMessage parse(String argument, boolean authorized) throws Refused {
        String[] parts = argument.split("\n", 4);
        if (parts.length < 4) {
            throw new Refused("web_pipe2 needs four lines: pipe, event, one character, text");
        }
        String requested = parts[0].strip();
        boolean anonymous = requested.startsWith("@");
        String pipe = anonymous ? requested.substring(1) : requested;
        if (!(pipe.startsWith("web_") || (!anonymous && pipe.startsWith("webauth_")))) {
            throw new Refused(INVALID_PIPE);
        }
        if (pipe.length() > Names.MAX_PIPE_NAME || !Names.NAME_ALPHABET.matcher(pipe).matches()) {
            throw new Refused("[pipe_msg2] Invalid channel name: 3..64 characters of A-Za-z0-9_-");
        }
        if (pipe.startsWith("webauth_") && !authorized) {
            throw new Refused("[pipe_msg2] Only authorised users may send to webauth_ pipes");
        }
        String event = parts[1];
        if (event.length() > Names.MAX_EVENT_NAME || !Names.NAME_ALPHABET.matcher(event).matches()) {
            throw new Refused("[pipe_msg2] Invalid event name: at most 64 characters of A-Za-z0-9_-");
        }
        if (parts[2].length() != 1) {
            throw new Refused("[pipe_msg2] The third argument line must be exactly one character");
        }
        return new WebPipeMessage(requested, pipe, event, parts[3], anonymous);
    }

    /** A web_pipe2 argument the server refuses. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
