package org.spectrumcomet.conformance.main;

import java.util.function.LongSupplier;
import org.spectrumcomet.conformance.main.Violation.Effect;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Hands each decoded frame from the backend (PONG aside) to the rule that owns it: session
 * answers and addressees to {@link MainUsers}, STATS to the PID check. Runs on the link's event
 * loop, one frame at a time.
 */
final class ReceivedFrameRouter {

    private final MainUsers users;
    private final Violations violations;
    private final LongSupplier expectedPid;
    private volatile String lastStatsId;

    /** {@code expectedPid} gives the spawned backend's PID, or a value ≤ 0 when unknown. */
    ReceivedFrameRouter(MainUsers users, Violations violations, LongSupplier expectedPid) {
        this.users = users;
        this.violations = violations;
        this.expectedPid = expectedPid;
    }

    /** The id of the last STATS received, or null. */
    String lastStatsId() {
        return lastStatsId;
    }

    void route(SpectrumMessage message) {
        Object p = message.payload();
        switch (message.type()) {
            case TYPE_STATS -> onStats((Protocol.Stats) p);
            case TYPE_CONNECTED -> users.onConnected((Protocol.Connected) p);
            case TYPE_DISCONNECTED -> users.onDisconnected((Protocol.Disconnected) p);
            case TYPE_BUDDY_CHANGED, TYPE_BUDDY_REMOVED, TYPE_BUDDY_TYPING, TYPE_BUDDY_STOPPED_TYPING,
                 TYPE_BUDDY_TYPED, TYPE_AUTH_REQUEST ->
                    users.checkAddressee(message.type(), ((Protocol.Buddy) p).getUserName(), null);
            case TYPE_CONV_MESSAGE, TYPE_ATTENTION, TYPE_CONV_MESSAGE_ACK, TYPE_ROOM_SUBJECT_CHANGED ->
                    users.checkAddressee(message.type(), ((Protocol.ConversationMessage) p).getUserName(), null);
            case TYPE_PARTICIPANT_CHANGED -> {
                Protocol.Participant part = (Protocol.Participant) p;
                users.checkAddressee(message.type(), part.getUserName(), part.getRoom());
            }
            case TYPE_ROOM_NICKNAME_CHANGED -> {
                Protocol.Room room = (Protocol.Room) p;
                users.checkAddressee(message.type(), room.getUserName(), room.getRoom());
                users.onRoomNickname(room);
            }
            case TYPE_VCARD -> {
                Protocol.VCard card = (Protocol.VCard) p;
                users.checkAddressee(message.type(), card.getUserName(), null);
                users.onVCardReply(card.getUserName(), card.getId());
            }
            case TYPE_ROOM_LIST -> {
                Protocol.RoomList list = (Protocol.RoomList) p;
                if (!list.getUser().isEmpty()) {
                    users.checkAddressee(message.type(), list.getUser(), null);
                }
            }
            default -> { }
        }
    }

    private void onStats(Protocol.Stats stats) {
        lastStatsId = stats.getId();
        long pid = expectedPid.getAsLong();
        if (pid > 0 && !Long.toString(pid).equals(stats.getId())) {
            violations.flag(Effect.CRASH, "stats-id", "STATS.id is '" + stats.getId() + "', not the backend's PID "
                    + pid + " (the main sends SIGABRT to that id on a ping timeout)");
        }
    }
}
