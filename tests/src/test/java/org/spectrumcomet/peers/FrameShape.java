package org.spectrumcomet.peers;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The shape of a frame, for comparing the real main with the emulated one: its type and the
 * names of the payload fields that are set (proto2 presence), plus the keys of LOGIN's settings
 * map — e.g. {@code LOGIN[legacyName,password,settings{enable_transport,send_headlines,stay_connected},user]}.
 * Values are left out: they name different users and ids in the two runs.
 */
final class FrameShape {

    private FrameShape() {
    }

    static String of(SpectrumMessage m) {
        if (!(m.payload() instanceof Message payload)) {
            return m.type().name().substring(5);
        }
        TreeSet<String> fields = new TreeSet<>();
        for (Map.Entry<FieldDescriptor, Object> e : payload.getAllFields().entrySet()) {
            String name = e.getKey().getName();
            if (m.type() == Type.TYPE_LOGIN && name.equals("settings")) {
                name += "{" + String.join(",", new TreeSet<>(((Protocol.Login) payload).getSettings().getValueMap().keySet()))
                        + "}";
            }
            fields.add(name);
        }
        return m.type().name().substring(5) + "[" + String.join(",", fields) + "]";
    }

    /** The user a frame is about ({@code user} or {@code userName}), or null for PING, EXIT, ... */
    static String user(SpectrumMessage m) {
        if (!(m.payload() instanceof Message payload)) {
            return null;
        }
        for (String name : new String[] {"user", "userName"}) {
            FieldDescriptor field = payload.getDescriptorForType().findFieldByName(name);
            if (field != null && payload.hasField(field)) {
                return (String) payload.getField(field);
            }
        }
        return null;
    }

    /** Per type, every distinct shape seen (sorted), joined by {@code " | "}. */
    static Map<Type, String> byType(Iterable<SpectrumMessage> frames) {
        Map<Type, TreeSet<String>> shapes = new TreeMap<>();
        for (SpectrumMessage m : frames) {
            shapes.computeIfAbsent(m.type(), t -> new TreeSet<>()).add(of(m));
        }
        Map<Type, String> joined = new TreeMap<>();
        shapes.forEach((type, set) -> joined.put(type, String.join(" | ", set)));
        return joined;
    }
}
