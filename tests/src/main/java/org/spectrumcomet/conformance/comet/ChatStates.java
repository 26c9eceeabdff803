package org.spectrumcomet.conformance.comet;

import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** Spectrum's chat-state frames and the body kinds the bridge maps them to (COMET-BODY.md). */
public final class ChatStates {

    private ChatStates() {
    }

    /** 18 → {@code typing}, 20 → {@code paused}, 19 → {@code stopped}. */
    public static String kindOf(Type type) {
        return switch (type) {
            case TYPE_BUDDY_TYPING -> "typing";
            case TYPE_BUDDY_TYPED -> "paused";
            case TYPE_BUDDY_STOPPED_TYPING -> "stopped";
            default -> throw new IllegalArgumentException("not a chat state: " + type);
        };
    }
}
