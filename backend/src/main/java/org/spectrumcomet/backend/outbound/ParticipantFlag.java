package org.spectrumcomet.backend.outbound;

import java.util.Set;

/**
 * Bits of {@code Participant.flag}. The main acts on MODERATOR, CONFLICT, NOT_AUTHORIZED and
 * ROOM_NOT_FOUND (the last three only on the user's own nick, spec §8.4); ME, BANNED and KICKED
 * are not interpreted but harmless.
 */
public enum ParticipantFlag {
    MODERATOR(1),
    CONFLICT(2),
    BANNED(4),
    NOT_AUTHORIZED(8),
    ME(16),
    KICKED(32),
    ROOM_NOT_FOUND(64);

    private final int bit;

    ParticipantFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The bit set as sent on the wire. */
    public static int bits(Set<ParticipantFlag> flags) {
        int bits = 0;
        for (ParticipantFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }
}
