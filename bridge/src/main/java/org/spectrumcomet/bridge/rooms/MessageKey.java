package org.spectrumcomet.bridge.rooms;

import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.session.CometMessage;

/**
 * What identifies one room message across live delivery, history and our own echo: the sender and
 * the body's {@code id} when the body has one (every body the bridge publishes does); otherwise
 * comet's send time, sender and the exact text, which live frames and history rows share.
 */
final class MessageKey {

    private MessageKey() {
    }

    static String of(CometBody body, CometMessage message) {
        if (body.id() != null) {
            return own(body.from(), body.id());
        }
        return "d:" + message.sentAt() + ":" + message.senderId() + ":" + message.data();
    }

    static String own(String from, String id) {
        return "i:" + (from == null ? "" : from) + ":" + id;
    }
}
