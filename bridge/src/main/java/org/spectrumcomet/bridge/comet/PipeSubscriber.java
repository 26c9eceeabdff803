package org.spectrumcomet.bridge.comet;

/**
 * One connection subscribed to a pipe ({@code users_in_pipes}); anonymous connections have user id 0.
 *
 * @param pipe   the pipe
 * @param userId the connection's authorised user id, 0 when anonymous
 * @param uuid   the connection's uuid from its URL
 */
public record PipeSubscriber(String pipe, long userId, String uuid) {
}
