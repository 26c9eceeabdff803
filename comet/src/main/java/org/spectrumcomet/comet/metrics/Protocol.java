package org.spectrumcomet.comet.metrics;

/** The client protocols a comet server speaks; the {@code protocol} label of its metrics. */
public enum Protocol {
    /** CppComet-compatible WebSocket ({@code /ws/...}, {@code /comet-server/ws/...}). */
    WEBSOCKET("websocket"),
    /** JSON comet API: its WebSocket ({@code /comet/Comet/Subscribe}) and its HTTP calls. */
    JSON_API("json_api"),
    /** CometQL over the MySQL wire protocol. */
    COMETQL("cometql"),
    /** The web chat page's site calls ({@code POST /chat/api/*}): plain HTTP, no connection kept. */
    CHAT_PAGE("chat_page");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    /** The label value, as Prometheus shows it. */
    public String label() {
        return label;
    }
}
