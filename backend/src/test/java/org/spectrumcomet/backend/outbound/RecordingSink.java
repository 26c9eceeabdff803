package org.spectrumcomet.backend.outbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spectrumcomet.protocol.SpectrumMessage;

/** A FrameSink that keeps frames, checking the never-send rule like the real gate. */
public final class RecordingSink implements FrameSink {

    public final List<SpectrumMessage> frames = new CopyOnWriteArrayList<>();

    @Override
    public boolean send(SpectrumMessage frame, String user) {
        OutboundTypes.requireHandled(frame.type());
        frames.add(frame);
        return true;
    }
}
