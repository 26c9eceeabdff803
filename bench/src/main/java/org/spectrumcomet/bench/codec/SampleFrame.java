package org.spectrumcomet.bench.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The typical frames the issue names: a 100-byte chat message, a room participant change, a PING. */
public enum SampleFrame {

    CONV_MESSAGE(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder()
            .setUserName("alice@example.org")
            .setBuddyName("1042@comet.example.org")
            .setMessage(text(100))
            .setId("m-000123")
            .build())),
    PARTICIPANT_CHANGED(SpectrumMessage.of(Type.TYPE_PARTICIPANT_CHANGED, Protocol.Participant.newBuilder()
            .setUserName("alice@example.org")
            .setRoom("lobby")
            .setNickname("bob")
            .setFlag(0)
            .setStatus(Protocol.StatusType.STATUS_ONLINE)
            .setStatusMessage("here")
            .build())),
    PING(SpectrumMessage.of(Type.TYPE_PING));

    private final SpectrumMessage message;
    private final byte[] body;
    private final byte[] frame;

    SampleFrame(SpectrumMessage message) {
        this.message = message;
        WrapperMessage.Builder wrapper = WrapperMessage.newBuilder().setType(message.type());
        if (message.payload() instanceof com.google.protobuf.MessageLite payload) {
            wrapper.setPayload(payload.toByteString());
        }
        this.body = wrapper.build().toByteArray();
        this.frame = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** An ASCII text of exactly {@code bytes} bytes in UTF-8. */
    static String text(int bytes) {
        String sentence = "The quick brown fox jumps over the lazy dog; ";
        StringBuilder out = new StringBuilder(bytes);
        while (out.length() < bytes) {
            out.append(sentence);
        }
        String text = out.substring(0, bytes);
        assert text.getBytes(StandardCharsets.UTF_8).length == bytes;
        return text;
    }

    public SpectrumMessage message() {
        return message;
    }

    /** The serialised WrapperMessage (frame body). */
    public byte[] body() {
        return body.clone();
    }

    /** Length prefix + body, as on the wire. */
    public byte[] frame() {
        return frame.clone();
    }
}
