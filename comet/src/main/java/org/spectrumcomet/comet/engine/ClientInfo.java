package org.spectrumcomet.comet.engine;

/** What {@code users_in_pipes} shows about a connection; empty strings when unknown. */
public record ClientInfo(String userAgent, String ip, String origin, String language) {
    public static final ClientInfo UNKNOWN = new ClientInfo("", "", "", "");
}
