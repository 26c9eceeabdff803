package org.spectrumcomet.comet.engine;

/** A private message waiting for its user to connect. {@code id} is the queue entry's uuid. */
public record QueuedMessage(String id, long userId, String event, String text, long time) {
}
