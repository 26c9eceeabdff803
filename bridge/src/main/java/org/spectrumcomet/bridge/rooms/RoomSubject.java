package org.spectrumcomet.bridge.rooms;

import java.util.List;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.session.CometMessage;

/**
 * A room's subject as the XMPP side last saw it. On comet a subject is a pipe message with event
 * {@value #EVENT} and a body of kind {@code subject} (see {@code bridge/COMET-BODY.md}); a web page
 * that only gets one of the two right is understood too.
 *
 * <p>A subject is passed to the main only when it differs (text or setter) from the one shown,
 * so our own change, echoed once comet accepted it, is not shown again when it comes back on the
 * pipe, and a re-read history does not repeat it.
 */
final class RoomSubject {

    /** The comet event subjects are published with. */
    static final String EVENT = "subject";

    private String text;
    private String setter;

    /** True when {@code m} (whose decoded body is {@code body}) sets the subject. */
    static boolean isSubject(CometMessage m, CometBody body) {
        return EVENT.equals(m.event()) || body.kind() == CometBody.Kind.SUBJECT;
    }

    /** The newest subject message of a pipe's history (oldest first), or null. */
    static CometMessage latest(List<CometMessage> history) {
        CometMessage latest = null;
        for (CometMessage m : history) {
            if (isSubject(m, CometBodyCodec.decode(m.data()))) {
                latest = m;
            }
        }
        return latest;
    }

    /** Records {@code newText} set by {@code by}; false when that is exactly what is shown already. */
    boolean change(String newText, String by) {
        if (newText.equals(text) && by.equals(setter)) {
            return false;
        }
        text = newText;
        setter = by;
        return true;
    }

    /** True once any subject was shown. */
    boolean isKnown() {
        return text != null;
    }

    String text() {
        return text;
    }

    String setter() {
        return setter;
    }
}
