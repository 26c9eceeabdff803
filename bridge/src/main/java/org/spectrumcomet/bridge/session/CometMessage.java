package org.spectrumcomet.bridge.session;

import java.util.Objects;

/**
 * A message as comet delivered or stored it.
 *
 * @param pipe      the pipe ({@code msg} for private messages)
 * @param event     the event name ("" when none)
 * @param data      the message text exactly as comet relayed it (the JSON body, or anything a
 *                  third party published)
 * @param senderId  comet's {@code user_id} of the sender, 0 when unknown (CometQL, anonymous)
 * @param sentAt    unix seconds when comet took the message, 0 when comet did not say
 * @param fromQueue true for queued private messages and history replays
 */
public record CometMessage(String pipe, String event, String data, long senderId, long sentAt, boolean fromQueue) {

    public CometMessage {
        Objects.requireNonNull(pipe, "pipe");
        event = event == null ? "" : event;
        data = data == null ? "" : data;
    }
}
