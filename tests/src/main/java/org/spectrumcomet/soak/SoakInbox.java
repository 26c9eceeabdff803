package org.spectrumcomet.soak;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.ParticipantFlag;

/**
 * Where everything a soak receives arrives: frames from the backend (through the main's recording
 * listener, on its event loop) and web users' frames (on the WebSocket client's threads). Soak
 * messages become deliveries in the {@link Ledger}; CONNECTED, DISCONNECTED and the user's own
 * PARTICIPANT_CHANGED are remembered for setup and churn. Quick and non-blocking throughout.
 */
public final class SoakInbox {

    /** The pseudo-buddy the bridge's notices come from (bridge README). */
    private static final String NOTICE_BUDDY = "comet";

    private final Ledger ledger;
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> pendingLogins = new ConcurrentHashMap<>();
    private final AtomicLong disconnects = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong stableDisconnects = new AtomicLong();
    private volatile Set<String> churning = Set.of();

    public SoakInbox(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The JIDs that churn: their DISCONNECTED after a LOGOUT race is expected, others' are not. */
    void churning(Set<String> jids) {
        this.churning = Set.copyOf(jids);
    }

    /** A churning user's LOGIN went out as message {@code seq}; its CONNECTED delivers it. */
    void loginSent(String jid, long seq) {
        pendingLogins.put(jid, seq);
    }

    /** Forgets a churning user's session (it logged out). */
    void loggedOut(String jid) {
        connected.remove(jid);
        pendingLogins.remove(jid);
    }

    public boolean isConnected(String jid) {
        return connected.contains(jid);
    }

    public int connectedCount() {
        return connected.size();
    }

    public int joinedCount() {
        return joined.size();
    }

    public long disconnects() {
        return disconnects.get();
    }

    /**
     * The bridge's "… not delivered: …" notices: messages it refused and told the sender about
     * (they carry no sequence number, so the ledger still counts those deliveries lost).
     */
    public long refusals() {
        return refusals.get();
    }

    /** DISCONNECTED frames for users that never log out. */
    public long stableDisconnects() {
        return stableDisconnects.get();
    }

    /** The main's recording listener. */
    public void onFrame(FrameRecord record) {
        if (record.direction() != FrameRecord.Direction.RECEIVED) {
            return;
        }
        SpectrumMessage m = record.message();
        if (m == null) {
            return;
        }
        Object p = m.payload();
        if (p instanceof ConversationMessage c) {
            long seq = Ledger.seqIn(c.getMessage());
            if (seq > 0) {
                // a timestamped room message is history replayed at a (re)join, not a live delivery
                boolean replay = !c.getTimestamp().isEmpty() && c.getBuddyName().startsWith("web_soak_");
                ledger.delivered(seq, SoakLayout.idOfJid(c.getUserName()), replay);
            } else if (c.getBuddyName().equals(NOTICE_BUDDY) && c.getMessage().contains("not delivered")) {
                refusals.incrementAndGet();
            }
        } else if (p instanceof Connected c) {
            connected.add(c.getUser());
            Long seq = pendingLogins.remove(c.getUser());
            if (seq != null) {
                ledger.delivered(seq, SoakLayout.idOfJid(c.getUser()));
            }
        } else if (p instanceof Disconnected d) {
            connected.remove(d.getUser());
            disconnects.incrementAndGet();
            if (!churning.contains(d.getUser())) {
                stableDisconnects.incrementAndGet();
            }
        } else if (p instanceof Participant part && (part.getFlag() & ParticipantFlag.PARTICIPANT_FLAG_ME_VALUE) != 0) {
            joined.add(part.getUserName() + "/" + part.getRoom());
        }
    }

    /** A web user's frame. */
    public void onWebFrame(String raw, long webId) {
        long seq = Ledger.seqIn(raw);
        if (seq > 0) {
            ledger.delivered(seq, webId);
        }
    }
}
