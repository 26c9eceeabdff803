package org.spectrumcomet.comet.engine;

/** One connection subscribed to a pipe, as {@code users_in_pipes} lists it (0 = anonymous). */
public record SubscriberInfo(long userId, String uuid, ClientInfo info) {
}
