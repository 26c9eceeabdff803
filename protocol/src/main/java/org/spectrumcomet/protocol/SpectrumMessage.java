package org.spectrumcomet.protocol;

import com.google.protobuf.MessageLite;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * One decoded {@code WrapperMessage}: its type and its typed payload.
 *
 * @param type the wrapper's type
 * @param payload the payload parsed as the type's message (see {@link PayloadTypes}): a generated
 *                {@link MessageLite}, a {@link RawXml} for RAW_XML, or {@code null} for the types
 *                that carry none (PING, PONG, EXIT)
 */
public record SpectrumMessage(Type type, Object payload) {

    public SpectrumMessage {
        Objects.requireNonNull(type, "type");
    }

    /** One immutable instance per type for messages without payload: a PING costs no allocation. */
    private static final Map<Type, SpectrumMessage> BARE = new EnumMap<>(Type.class);

    static {
        for (Type type : Type.values()) {
            BARE.put(type, new SpectrumMessage(type, null));
        }
    }

    /** A message without payload: PING, PONG or EXIT (a shared instance; records compare by value). */
    public static SpectrumMessage of(Type type) {
        return BARE.get(Objects.requireNonNull(type, "type"));
    }

    public static SpectrumMessage of(Type type, MessageLite payload) {
        return new SpectrumMessage(type, payload);
    }

    public static SpectrumMessage of(Type type, RawXml payload) {
        return new SpectrumMessage(type, payload);
    }

    /** The payload as the given message class; fails if this message carries another one. */
    public <T> T payload(Class<T> kind) {
        if (!kind.isInstance(payload)) {
            throw new IllegalStateException(type + " carries " + (payload == null ? "no payload" : payload.getClass().getSimpleName())
                    + ", not " + kind.getSimpleName());
        }
        return kind.cast(payload);
    }

    @Override
    public String toString() {
        return payload == null ? type.name() : type.name() + "{" + payload.toString().replace('\n', ' ').trim() + "}";
    }
}
