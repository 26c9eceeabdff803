package org.spectrumcomet.backend.outbound;

import java.util.EnumSet;
import java.util.Set;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The types the main handles from a backend. Everything else (3, 4, 9, 11, 12, 17, 24–29, 35,
 * 36) is left half-processed by the main's reader, delaying the frames behind it (spec §2).
 */
public final class OutboundTypes {

    private static final Set<Type> HANDLED = EnumSet.of(
            Type.TYPE_CONNECTED, Type.TYPE_DISCONNECTED, Type.TYPE_BUDDY_CHANGED, Type.TYPE_BUDDY_REMOVED,
            Type.TYPE_CONV_MESSAGE, Type.TYPE_PONG, Type.TYPE_PARTICIPANT_CHANGED,
            Type.TYPE_ROOM_NICKNAME_CHANGED, Type.TYPE_ROOM_SUBJECT_CHANGED, Type.TYPE_VCARD,
            Type.TYPE_BUDDY_TYPING, Type.TYPE_BUDDY_STOPPED_TYPING, Type.TYPE_BUDDY_TYPED,
            Type.TYPE_AUTH_REQUEST, Type.TYPE_ATTENTION, Type.TYPE_STATS, Type.TYPE_BACKEND_CONFIG,
            Type.TYPE_QUERY, Type.TYPE_ROOM_LIST, Type.TYPE_CONV_MESSAGE_ACK, Type.TYPE_RAW_XML);

    private OutboundTypes() {
    }

    public static boolean isHandledByMain(Type type) {
        return HANDLED.contains(type);
    }

    /** @throws ForbiddenTypeException when the main would not handle {@code type} */
    public static void requireHandled(Type type) {
        if (!isHandledByMain(type)) {
            throw new ForbiddenTypeException(type);
        }
    }
}
