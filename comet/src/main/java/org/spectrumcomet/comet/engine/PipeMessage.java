package org.spectrumcomet.comet.engine;

/**
 * A message kept in a pipe's history.
 *
 * @param id the message's uuid
 * @param time unix seconds it was published
 * @param event the event label (may be empty)
 * @param text the exact published text
 * @param userId the sender, 0 for CometQL
 */
public record PipeMessage(String id, long time, String pipe, String event, String text, long userId) {
}
