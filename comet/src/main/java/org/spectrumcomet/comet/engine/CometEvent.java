package org.spectrumcomet.comet.engine;

/**
 * One event delivered to a client, in the shape of CppComet's frames.
 *
 * @param pipe the pipe name; {@code msg} for private messages, {@code user_status_<id>} for
 *             presence, {@code sys} for notices
 * @param event the event label
 * @param data the payload: a {@link String} (text published through CometQL is always relayed as
 *             the exact inserted text) or a structure of maps, lists, numbers and strings
 * @param sendTime unix seconds the message was accepted, or -1 when the frame carries none
 * @param userId the sender's user id, or -1 when the frame carries none
 * @param fromQueue true for queued private messages and history replays
 */
public record CometEvent(String pipe, String event, Object data, long sendTime, long userId,
                         boolean fromQueue) {
}
