package org.spectrumcomet.backend.outbound;

import org.spectrumcomet.protocol.SpectrumMessage;

/** Where built frames go: the link's {@link org.spectrumcomet.backend.link.OutboundGate}, or a recorder in tests. */
@FunctionalInterface
public interface FrameSink {

    /**
     * Hands one frame over for writing.
     *
     * @param user the user the frame concerns, for log lines ("" for none)
     * @return false when the frame was dropped (and logged)
     * @throws ForbiddenTypeException for a type the main does not handle from a backend
     */
    boolean send(SpectrumMessage frame, String user);
}
