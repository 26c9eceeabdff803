package org.spectrumcomet.conformance.main;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.spectrumcomet.conformance.main.Violation.Effect;
import org.spectrumcomet.protocol.MalformedFrame;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.BackendConfig;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Rules a single received frame must meet, whatever the session state: the frame decodes, its
 * type is one Spectrum handles from a backend, timestamps have Spectrum's one accepted form,
 * BACKEND_CONFIG parses, no INVISIBLE status, an ACK carries an id.
 */
public final class FrameChecks {

    /** Spectrum's {@code boost::posix_time::from_iso_string} form; anything else throws in the main. */
    public static final Pattern TIMESTAMP = Pattern.compile("^\\d{8}T\\d{6}(\\.\\d+)?$");

    /** Types the main ignores from a backend ({@code default: return}, stalling the rest of the read). */
    static final Set<Type> UNHANDLED_FROM_BACKEND = EnumSet.of(
            Type.TYPE_LOGIN, Type.TYPE_LOGOUT, Type.TYPE_PING, Type.TYPE_JOIN_ROOM, Type.TYPE_LEAVE_ROOM,
            Type.TYPE_STATUS_CHANGED, Type.TYPE_FT_START, Type.TYPE_FT_FINISH, Type.TYPE_FT_DATA,
            Type.TYPE_FT_PAUSE, Type.TYPE_FT_CONTINUE, Type.TYPE_EXIT, Type.TYPE_BUDDIES, Type.TYPE_API_VERSION);

    private FrameChecks() {
    }

    /** Flags a frame that did not decode: Spectrum prints "PARSING ERROR" or drops it silently. */
    public static void checkMalformed(MalformedFrame frame, Violations violations) {
        boolean unhandledType = frame.typeNumber() >= 24 && frame.typeNumber() <= 28;
        violations.flag(unhandledType ? Effect.MISBEHAVE : Effect.DROP,
                unhandledType ? "unhandled-type" : "malformed-frame",
                "type " + frame.typeNumber() + ", " + frame.length() + " bytes: " + frame.reason());
    }

    /** Flags what is wrong with one decoded frame. */
    public static void check(SpectrumMessage message, Violations violations) {
        Type type = message.type();
        if (UNHANDLED_FROM_BACKEND.contains(type)) {
            violations.flag(Effect.MISBEHAVE, "unhandled-type", type + " (" + type.getNumber()
                    + ") is not handled from a backend: the main stops reading the rest of that TCP read");
            return;
        }
        Object payload = message.payload();
        if (payload instanceof ConversationMessage conv) {
            checkConversation(type, conv, violations);
        } else if (payload instanceof Buddy buddy && buddy.getStatus() == StatusType.STATUS_INVISIBLE) {
            violations.flag(Effect.MISBEHAVE, "invisible-status", type + " for buddy '" + buddy.getBuddyName()
                    + "' has status INVISIBLE (6), which has no XMPP mapping");
        } else if (payload instanceof Participant p && p.getStatus() == StatusType.STATUS_INVISIBLE) {
            violations.flag(Effect.MISBEHAVE, "invisible-status", type + " for occupant '" + p.getNickname()
                    + "' has status INVISIBLE (6), which has no XMPP mapping");
        } else if (payload instanceof BackendConfig config && type == Type.TYPE_BACKEND_CONFIG) {
            for (String problem : BackendConfigCheck.problems(config.getConfig())) {
                violations.flag(Effect.CRASH, "backend-config", problem);
            }
        }
    }

    private static void checkConversation(Type type, ConversationMessage conv, Violations violations) {
        if (conv.hasTimestamp() && !conv.getTimestamp().isEmpty() && !TIMESTAMP.matcher(conv.getTimestamp()).matches()) {
            violations.flag(Effect.CRASH, "timestamp-format", type + " from '" + conv.getBuddyName()
                    + "' has timestamp '" + conv.getTimestamp() + "', not YYYYMMDDTHHMMSS[.fff] (UTC)");
        }
        if (type == Type.TYPE_CONV_MESSAGE_ACK && conv.getId().isEmpty()) {
            violations.flag(Effect.DROP, "ack-without-id", "CONV_MESSAGE_ACK for '" + conv.getBuddyName() + "' has no id");
        }
    }
}
