package org.spectrumcomet.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.netty.buffer.ByteBuf;
import java.util.EnumMap;
import java.util.Map;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Which payload message each {@code WrapperMessage} type carries, as Spectrum 2 uses them.
 *
 * <p>RAW_XML carries stanza text, not a protobuf message: it is read as a {@link RawXml}. The
 * file-transfer types (24–28) lost their payload messages in 2022 and are treated as unknown.
 */
public final class PayloadTypes {

    private static final Map<Type, Parser<? extends MessageLite>> PARSERS = new EnumMap<>(Type.class);

    static {
        PARSERS.put(Type.TYPE_CONNECTED, Protocol.Connected.parser());
        PARSERS.put(Type.TYPE_DISCONNECTED, Protocol.Disconnected.parser());
        PARSERS.put(Type.TYPE_LOGIN, Protocol.Login.parser());
        PARSERS.put(Type.TYPE_LOGOUT, Protocol.Logout.parser());
        PARSERS.put(Type.TYPE_BUDDY_CHANGED, Protocol.Buddy.parser());
        PARSERS.put(Type.TYPE_BUDDY_REMOVED, Protocol.Buddy.parser());
        PARSERS.put(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.parser());
        PARSERS.put(Type.TYPE_JOIN_ROOM, Protocol.Room.parser());
        PARSERS.put(Type.TYPE_LEAVE_ROOM, Protocol.Room.parser());
        PARSERS.put(Type.TYPE_PARTICIPANT_CHANGED, Protocol.Participant.parser());
        PARSERS.put(Type.TYPE_ROOM_NICKNAME_CHANGED, Protocol.Room.parser());
        PARSERS.put(Type.TYPE_ROOM_SUBJECT_CHANGED, Protocol.ConversationMessage.parser());
        PARSERS.put(Type.TYPE_VCARD, Protocol.VCard.parser());
        PARSERS.put(Type.TYPE_STATUS_CHANGED, Protocol.Status.parser());
        PARSERS.put(Type.TYPE_BUDDY_TYPING, Protocol.Buddy.parser());
        PARSERS.put(Type.TYPE_BUDDY_STOPPED_TYPING, Protocol.Buddy.parser());
        PARSERS.put(Type.TYPE_BUDDY_TYPED, Protocol.Buddy.parser());
        PARSERS.put(Type.TYPE_AUTH_REQUEST, Protocol.Buddy.parser());
        PARSERS.put(Type.TYPE_ATTENTION, Protocol.ConversationMessage.parser());
        PARSERS.put(Type.TYPE_STATS, Protocol.Stats.parser());
        PARSERS.put(Type.TYPE_BACKEND_CONFIG, Protocol.BackendConfig.parser());
        PARSERS.put(Type.TYPE_QUERY, Protocol.BackendConfig.parser());
        PARSERS.put(Type.TYPE_ROOM_LIST, Protocol.RoomList.parser());
        PARSERS.put(Type.TYPE_CONV_MESSAGE_ACK, Protocol.ConversationMessage.parser());
        PARSERS.put(Type.TYPE_BUDDIES, Protocol.Buddies.parser());
        PARSERS.put(Type.TYPE_API_VERSION, Protocol.APIVersion.parser());
    }

    private PayloadTypes() {
    }

    /** True for PING, PONG and EXIT, which carry no payload. */
    public static boolean isBare(Type type) {
        return type == Type.TYPE_PING || type == Type.TYPE_PONG || type == Type.TYPE_EXIT;
    }

    /** True when this library knows how to read the type's payload. */
    public static boolean isKnown(Type type) {
        return isBare(type) || type == Type.TYPE_RAW_XML || PARSERS.containsKey(type);
    }

    /**
     * Parses a payload for its type.
     *
     * @throws InvalidProtocolBufferException when the bytes are not that message (a proto2 required
     *         field missing included)
     * @throws IllegalArgumentException for a type without a known payload
     */
    public static Object parse(Type type, ByteString payload) throws InvalidProtocolBufferException {
        if (isBare(type)) {
            return null;
        }
        if (type == Type.TYPE_RAW_XML) {
            return RawXml.of(payload);
        }
        Parser<? extends MessageLite> parser = PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("no payload message for " + type);
        }
        return parser.parseFrom(payload);
    }

    /**
     * As {@link #parse(Type, ByteString)}, reading the payload in place from {@code length} bytes of
     * {@code frame} at {@code index} (no copy into a {@code ByteString} first). Not for RAW_XML.
     */
    static Object parse(Type type, ByteBuf frame, int index, int length) throws InvalidProtocolBufferException {
        if (isBare(type)) {
            return null;
        }
        Parser<? extends MessageLite> parser = PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("no payload message for " + type);
        }
        return frame.hasArray()
                ? parser.parseFrom(frame.array(), frame.arrayOffset() + index, length)
                : parser.parseFrom(frame.nioBuffer(index, length));
    }
}
