package org.spectrumcomet.backend.outbound;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * A contact's or occupant's presence as the main maps it to XMPP. INVISIBLE (6) is left out on
 * purpose: it has no XMPP mapping and must never be sent.
 */
public enum PresenceStatus {
    ONLINE(Protocol.StatusType.STATUS_ONLINE),
    AWAY(Protocol.StatusType.STATUS_AWAY),
    /** "Free for chat". */
    FFC(Protocol.StatusType.STATUS_FFC),
    /** Extended away. */
    XA(Protocol.StatusType.STATUS_XA),
    DND(Protocol.StatusType.STATUS_DND),
    /** Unavailable (offline, or an occupant who left). */
    NONE(Protocol.StatusType.STATUS_NONE);

    private final Protocol.StatusType wire;

    PresenceStatus(Protocol.StatusType wire) {
        this.wire = wire;
    }

    public Protocol.StatusType wire() {
        return wire;
    }
}
