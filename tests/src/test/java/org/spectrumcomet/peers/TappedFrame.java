package org.spectrumcomet.peers;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.spectrumcomet.protocol.PayloadTypes;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;

/**
 * One frame {@link FrameTap} saw between the real main and a backend, as one line of
 * {@code frames.log}:
 * <pre>  2026-11-23T22:50:01.123Z  tap=4711  M>B  TYPE_LOGIN  CgVh...(base64)  user: "a@localhost" ...</pre>
 * The base64 column is the exact WrapperMessage (so tests decode it again with the protocol
 * module's codec); the last column is the payload as protobuf text, for people.
 *
 * @param at        when the tap read the frame
 * @param tap       the tap's process id (every backend spawn is a new tap: one id per connection)
 * @param fromMain  true for main → backend
 * @param message   the decoded frame, or null when it did not decode
 * @param wrapper   the WrapperMessage bytes
 */
record TappedFrame(Instant at, long tap, boolean fromMain, SpectrumMessage message, byte[] wrapper) {

    static final String FROM_MAIN = "M>B";
    static final String FROM_BACKEND = "B>M";

    /** Decodes {@code wrapper} as the protocol module does; {@code message} is null for a malformed frame. */
    static TappedFrame of(Instant at, long tap, boolean fromMain, byte[] wrapper) {
        SpectrumMessage message;
        try {
            WrapperMessage w = WrapperMessage.parseFrom(wrapper);
            message = PayloadTypes.isKnown(w.getType())
                    ? new SpectrumMessage(w.getType(), PayloadTypes.parse(w.getType(), w.getPayload())) : null;
        } catch (InvalidProtocolBufferException e) {
            message = null;
        }
        return new TappedFrame(at, tap, fromMain, message, wrapper);
    }

    /** The log line (no newline). */
    String line() {
        String type = message == null ? "MALFORMED" : message.type().name();
        String text = message == null || !(message.payload() instanceof MessageOrBuilder m) ? ""
                : TextFormat.printer().emittingSingleLine(true).printToString(m);
        return at + "  tap=" + tap + "  " + (fromMain ? FROM_MAIN : FROM_BACKEND) + "  " + type + "  "
                + Base64.getEncoder().encodeToString(wrapper) + "  " + text;
    }

    /** Parses a line written by {@link #line()}. */
    static TappedFrame parse(String line) {
        String[] cols = line.split(" {2}", 6);
        if (cols.length < 5 || !cols[1].startsWith("tap=")) {
            throw new IllegalArgumentException("not a frames.log line: " + line);
        }
        return of(Instant.parse(cols[0]), Long.parseLong(cols[1].substring(4)), cols[2].equals(FROM_MAIN),
                Base64.getDecoder().decode(cols[4]));
    }

    /**
     * Every frame in {@code log} in the order the tap read them (the two directions' threads may
     * append out of that order); empty when the file does not exist yet.
     */
    static List<TappedFrame> readAll(Path log) throws IOException {
        List<TappedFrame> frames = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    frames.add(parse(line));
                }
            }
        }
        frames.sort(java.util.Comparator.comparing(TappedFrame::at));
        return frames;
    }

    /** The payload as {@code kind}; fails when the frame is another type. */
    <T> T payload(Class<T> kind) {
        return message.payload(kind);
    }

    boolean is(WrapperMessage.Type type) {
        return message != null && message.type() == type;
    }
}
