package org.spectrumcomet.bridge.comet;

/**
 * One stored message of a pipe's history ({@code SELECT * FROM pipes_messages}), oldest first.
 *
 * @param id      the server's message id (uuid text; empty if the server has none)
 * @param time    unix seconds when it was published (0 if unknown)
 * @param pipe    the pipe
 * @param event   the event name ({@code undefined} when published without one)
 * @param message the stored text exactly as relayed
 * @param userId  the sender for browser messages; 0 for CometQL inserts
 */
public record PipeHistoryEntry(String id, long time, String pipe, String event, String message, long userId) {

    /** The message decoded by the body convention. */
    public CometBody body() {
        return CometBodyCodec.decode(message);
    }
}
