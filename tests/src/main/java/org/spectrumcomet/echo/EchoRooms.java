package org.spectrumcomet.echo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrumcomet.backend.handler.RoomHandler;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.ParticipantFlag;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.PresenceStatus;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Every room exists and holds {@link EchoRules#OCCUPANTS}. A join (idempotent, as JOIN_ROOM is
 * replayed after every CONNECTED) answers in spec §8.2 order: the occupants, the user last with
 * the ME flag, the subject, then history with timestamps.
 */
final class EchoRooms implements RoomHandler {

    private final MainInstance main;
    /** user → (room → own nickname). */
    private final Map<String, Map<String, String>> joined = new ConcurrentHashMap<>();

    EchoRooms(MainInstance main) {
        this.main = main;
    }

    /** The user's nickname in {@code room}, or null when not joined. */
    String nicknameIn(String user, String room) {
        Map<String, String> rooms = joined.get(user);
        return rooms == null ? null : rooms.get(room);
    }

    void forget(String user) {
        joined.remove(user);
    }

    @Override
    public void joinRoom(Protocol.Room room) {
        String user = room.getUserName();
        String name = room.getRoom();
        joined.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(name, room.getNickname());
        boolean moderator = true;
        for (String occupant : EchoRules.OCCUPANTS) {
            ParticipantState.Builder p = ParticipantState.builder(name, occupant).status(PresenceStatus.ONLINE);
            if (moderator) {
                p.flag(ParticipantFlag.MODERATOR);
                moderator = false;
            }
            main.participantChanged(user, p.build());
        }
        main.participantChanged(user, ParticipantState.builder(name, room.getNickname())
                .flag(ParticipantFlag.ME).status(PresenceStatus.ONLINE).build());
        String bot = EchoRules.OCCUPANTS.get(0);
        main.roomSubject(user, name, "Echo room " + name, bot);
        Instant now = Instant.now();
        for (int i = EchoRules.HISTORY_LINES; i > 0; i--) {
            main.message(user, ChatMessage.builder(name, "history line " + (EchoRules.HISTORY_LINES - i + 1))
                    .nickname(bot).timestamp(now.minus(Duration.ofMinutes(i))).build());
        }
    }

    /** The user's subject, shown back under the own nick; "bot: x" makes echo-bot set x. */
    @Override
    public void subjectChanged(Protocol.ConversationMessage subject) {
        String user = subject.getUserName();
        String nick = nicknameIn(user, subject.getBuddyName());
        if (nick == null) {
            return;
        }
        String text = subject.getMessage();
        if (text.startsWith(EchoRules.BOT_PREFIX)) {
            main.roomSubject(user, subject.getBuddyName(), text.substring(EchoRules.BOT_PREFIX.length()),
                    EchoRules.OCCUPANTS.get(0));
        } else {
            main.roomSubject(user, subject.getBuddyName(), text, nick);
        }
    }

    @Override
    public void leaveRoom(Protocol.Room room) {
        Map<String, String> rooms = joined.get(room.getUserName());
        if (rooms != null) {
            rooms.remove(room.getRoom());
        }
    }

    /** Echoes the user's room message under the own nick; "bot: x" makes echo-bot say x. */
    void roomMessage(String user, String room, String nickname, String text) {
        main.message(user, ChatMessage.builder(room, text).nickname(nickname).build());
        if (text.startsWith(EchoRules.BOT_PREFIX)) {
            main.message(user, ChatMessage.builder(room, text.substring(EchoRules.BOT_PREFIX.length()))
                    .nickname(EchoRules.OCCUPANTS.get(0)).build());
        }
    }
}
