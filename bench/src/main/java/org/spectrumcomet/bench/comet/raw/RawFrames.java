package org.spectrumcomet.bench.comet.raw;

/**
 * The broadcast frame, byte for byte the shape our comet server and CppComet send for a CometQL
 * insert (keys in alphabetical order), so all three servers push frames of the same size.
 */
public final class RawFrames {

    private RawFrames() {
    }

    /** {@code {"data":"<body>","event":"<event>","message_send_time":<secs>,"pipe":"<pipe>"}}. */
    public static String delivery(String pipe, String event, String body, long epochSeconds) {
        return "{\"data\":\"" + body + "\",\"event\":\"" + event + "\",\"message_send_time\":" + epochSeconds
                + ",\"pipe\":\"" + pipe + "\"}";
    }
}
