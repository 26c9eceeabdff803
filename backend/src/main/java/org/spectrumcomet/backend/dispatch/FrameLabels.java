package org.spectrumcomet.backend.dispatch;

import java.util.EnumMap;
import java.util.Map;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The name a frame type goes by in logs ("CONV_MESSAGE"), computed once per type, not per frame. */
final class FrameLabels {

    private static final Map<Type, String> LABELS = new EnumMap<>(Type.class);

    static {
        for (Type type : Type.values()) {
            LABELS.put(type, type.name().substring("TYPE_".length()));
        }
    }

    private FrameLabels() {
    }

    static String of(Type type) {
        return LABELS.get(type);
    }
}
