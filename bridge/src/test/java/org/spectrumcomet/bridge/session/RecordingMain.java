package org.spectrumcomet.bridge.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.spectrumcomet.backend.outbound.FramedMainInstance;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The library's real {@link FramedMainInstance} writing into a list: tests see the exact frames. */
public final class RecordingMain {

    public final List<SpectrumMessage> frames = new CopyOnWriteArrayList<>();
    public final LoginLedger ledger = new LoginLedger();
    /** Called after each frame was recorded (a test can act "while" the bridge is sending). */
    public volatile Consumer<SpectrumMessage> afterFrame = frame -> { };
    public final FramedMainInstance main = new FramedMainInstance((frame, user) -> {
        frames.add(frame);
        afterFrame.accept(frame);
        return true;
    }, ledger);

    /** Payloads of every frame of {@code type}, in order. */
    public <T> List<T> of(Type type, Class<T> payload) {
        return frames.stream().filter(f -> f.type() == type).map(f -> f.payload(payload)).toList();
    }

    public List<Type> types() {
        return frames.stream().map(SpectrumMessage::type).toList();
    }

    public List<Protocol.Disconnected> disconnects() {
        return of(Type.TYPE_DISCONNECTED, Protocol.Disconnected.class);
    }

    public List<Protocol.ConversationMessage> messages() {
        return of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.class);
    }

    public List<Protocol.Participant> participants() {
        return of(Type.TYPE_PARTICIPANT_CHANGED, Protocol.Participant.class);
    }

    public List<Protocol.Buddy> buddies() {
        return of(Type.TYPE_BUDDY_CHANGED, Protocol.Buddy.class);
    }

    public void clear() {
        frames.clear();
    }
}
