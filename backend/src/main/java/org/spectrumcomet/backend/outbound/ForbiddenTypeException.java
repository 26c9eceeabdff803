package org.spectrumcomet.backend.outbound;

import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A backend tried to send a type the main does not handle from a backend. Such a frame would
 * stall the main's reader until its next TCP read (spec §2), so it is refused, never written.
 */
public final class ForbiddenTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Type type;

    public ForbiddenTypeException(Type type) {
        super(type + " (" + type.getNumber() + ") is never sent by a backend: the main does not handle it");
        this.type = type;
    }

    public Type type() {
        return type;
    }
}
