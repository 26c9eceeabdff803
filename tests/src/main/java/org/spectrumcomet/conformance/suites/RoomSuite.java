package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.time.Duration;
import java.util.List;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Rooms (spec §8): on JOIN_ROOM the other occupants first, the user's own participant last (its
 * name equal to the JOIN nickname, with the ME flag), history after it with timestamps; the user's
 * own room messages echoed with the own nickname; other occupants' messages; nothing after leaving.
 * A subject sent in the join burst comes after the own participant and before the history; the
 * user's own subject change is shown back (the main does not reflect it), an occupant's arrives
 * with the setter's nickname (never empty), and neither becomes a chat line.
 */
public final class RoomSuite {

    static final String NICK = "tester";
    static final Duration SETTLE = Duration.ofMillis(500);

    private RoomSuite() {
    }

    public static Suite suite() {
        return new Suite("rooms", Suite.Kind.SCENARIO, List.of(
                Scenario.of("join", RoomSuite::join),
                Scenario.of("rejoin", RoomSuite::rejoin),
                Scenario.of("messages", RoomSuite::messages),
                Scenario.of("subject", RoomSuite::subject),
                Scenario.of("leave", RoomSuite::leave)));
    }

    /** The name the main shows for an occupant (and compares with the JOIN nickname). */
    static String displayed(Participant p) {
        return p.getAlias().isEmpty() ? p.getNickname() : p.getAlias();
    }

    /** Joins the driver's room and returns the record of the user's own PARTICIPANT_CHANGED. */
    static FrameRecord joinAndAwaitSelf(ScenarioContext ctx, MainUser user, String room) throws ScenarioFailure {
        long from = ctx.mark();
        user.joinRoom(room, NICK);
        return ctx.recording().awaitReceived(from, ScenarioContext.REPLY, m -> m.payload() instanceof Participant p
                        && m.type() == Type.TYPE_PARTICIPANT_CHANGED && p.getUserName().equals(user.jid())
                        && p.getRoom().equals(room) && displayed(p).equals(NICK))
                .orElseThrow(() -> new ScenarioFailure("no own PARTICIPANT_CHANGED (nickname '" + NICK + "') in '" + room
                        + "' within " + ScenarioContext.REPLY.toMillis() + " ms of JOIN_ROOM"));
    }

    private static void join(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("roomie");
        MainUser user = ctx.loginConnected(account);
        checkJoinBurst(ctx, account, user, driver.room(), driver.roomHasHistory());
    }

    /**
     * JOIN_ROOM is replayed after every CONNECTED: a second join must get the occupants and the
     * own participant again (spec §8.1: idempotent). History is not required again: the main keeps
     * the conversation, so a backend may rightly skip re-sending lines the user already has.
     */
    private static void rejoin(ScenarioContext ctx) throws Exception {
        LegacyAccount account = ctx.driver().account("rejoiner");
        MainUser user = ctx.loginConnected(account);
        joinAndAwaitSelf(ctx, user, ctx.driver().room());
        ctx.recording().awaitRecord(ctx.mark(), SETTLE, r -> false); // let the first burst finish
        checkJoinBurst(ctx, account, user, ctx.driver().room(), false);
    }

    private static void checkJoinBurst(ScenarioContext ctx, LegacyAccount account, MainUser user, String room,
                                       boolean expectHistory) throws ScenarioFailure {
        LegacyDriver driver = ctx.driver();
        long from = ctx.mark();
        FrameRecord selfRecord = joinAndAwaitSelf(ctx, user, room);
        Participant self = (Participant) selfRecord.message().payload();
        require((self.getFlag() & 16) != 0, "the own participant has flag " + self.getFlag() + ", without ME (16)");
        require(self.getStatus() != StatusType.STATUS_NONE, "the own participant has status NONE (left)");
        for (String occupant : driver.roomOccupants(account)) {
            FrameRecord seen = ctx.recording().awaitReceived(from, SETTLE, m -> m.payload() instanceof Participant p
                    && p.getRoom().equals(room) && displayed(p).equals(occupant)).orElseThrow(
                    () -> new ScenarioFailure("occupant '" + occupant + "' of '" + room + "' was never announced"));
            require(seen.seq() < selfRecord.seq(), "own participant is not last: occupant '" + occupant
                    + "' was announced after it");
        }
        ctx.awaitNone(selfRecord.seq() + 1, Type.TYPE_PARTICIPANT_CHANGED, Participant.class,
                p -> p.getRoom().equals(room) && !displayed(p).equals(NICK) && p.getStatus() != StatusType.STATUS_NONE,
                SETTLE, "own participant is not last: another occupant joined right after it");
        if (expectHistory) {
            FrameRecord history = ctx.recording().awaitReceived(from, ScenarioContext.REPLY,
                    m -> m.type() == Type.TYPE_CONV_MESSAGE && m.payload() instanceof ConversationMessage c
                            && c.getBuddyName().equals(room) && !c.getTimestamp().isEmpty()).orElseThrow(
                    () -> new ScenarioFailure("no room history (CONV_MESSAGE with a timestamp) after the join"));
            ConversationMessage line = (ConversationMessage) history.message().payload();
            require(!line.getNickname().isEmpty(), "a history line has no nickname");
            require(history.seq() > selfRecord.seq(), "history arrived before the own participant (it is forwarded at once)");
            checkJoinSubject(ctx, from, room, selfRecord.seq(), history.seq());
        }
    }

    /** Spec §8.2: the main holds a subject until the self-presence went out; it precedes the history. */
    private static void checkJoinSubject(ScenarioContext ctx, long from, String room, long selfSeq, long historySeq)
            throws ScenarioFailure {
        FrameRecord subject = ctx.recording().awaitReceived(from, Duration.ZERO,
                m -> m.type() == Type.TYPE_ROOM_SUBJECT_CHANGED && m.payload() instanceof ConversationMessage c
                        && c.getBuddyName().equals(room)).orElse(null);
        require(subject != null || !ctx.driver().roomHasSubject(),
                "no ROOM_SUBJECT_CHANGED for '" + room + "' between the own participant and the history, though it has a subject");
        if (subject != null) {
            ConversationMessage c = (ConversationMessage) subject.message().payload();
            require(!c.getNickname().isEmpty(), "the join's ROOM_SUBJECT_CHANGED has no nickname (setter)");
            require(subject.seq() > selfSeq, "the subject arrived before the own participant");
            require(subject.seq() < historySeq, "the subject arrived after the history");
        }
    }

    private static void subject(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("topicsetter");
        MainUser user = ctx.loginConnected(account);
        String room = driver.room();
        joinAndAwaitSelf(ctx, user, room);
        ctx.recording().awaitRecord(ctx.mark(), SETTLE, r -> false); // let the join burst finish
        String own = "Subject \"set\" from XMPP & <co> " + System.nanoTime();
        long from = ctx.mark();
        user.setSubject(room, own);
        ctx.await(from, Type.TYPE_ROOM_SUBJECT_CHANGED, ConversationMessage.class, c -> c.getUserName().equals(account.jid())
                        && c.getBuddyName().equals(room) && c.getMessage().equals(own) && c.getNickname().equals(NICK),
                ScenarioContext.REPLY, "the own subject shown back (ROOM_SUBJECT_CHANGED with nickname '" + NICK + "')");
        ctx.check(driver.awaitSubjectSeen(ctx.recording(), from, user, room, NICK, own, ScenarioContext.REPLY));
        String theirs = "Subject from an occupant " + System.nanoTime();
        from = ctx.mark();
        driver.occupantSetsSubject(user, room, theirs);
        ctx.await(from, Type.TYPE_ROOM_SUBJECT_CHANGED, ConversationMessage.class, c -> c.getBuddyName().equals(room)
                        && c.getMessage().equals(theirs) && !c.getNickname().isEmpty() && !c.getNickname().equals(NICK),
                ScenarioContext.REPLY, "an occupant's subject (ROOM_SUBJECT_CHANGED with the setter's nickname)");
        ctx.awaitNone(from, Type.TYPE_CONV_MESSAGE, ConversationMessage.class,
                c -> c.getBuddyName().equals(room) && (c.getMessage().contains(own) || c.getMessage().contains(theirs)),
                SETTLE, "a subject came as a chat line");
    }

    private static void messages(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("speaker");
        MainUser user = ctx.loginConnected(account);
        String room = driver.room();
        joinAndAwaitSelf(ctx, user, room);
        long from = ctx.mark();
        user.sendMessage(room, "hello room", null);
        ctx.await(from, Type.TYPE_CONV_MESSAGE, ConversationMessage.class, c -> c.getUserName().equals(account.jid())
                        && c.getBuddyName().equals(room) && c.getMessage().equals("hello room") && c.getNickname().equals(NICK),
                ScenarioContext.REPLY, "echo of the own room message (nickname '" + NICK + "')");
        ctx.check(driver.awaitRoomDelivered(ctx.recording(), from, user, room, NICK, "hello room", ScenarioContext.REPLY));
        from = ctx.mark();
        driver.occupantSays(user, room, "hello from an occupant");
        ctx.await(from, Type.TYPE_CONV_MESSAGE, ConversationMessage.class, c -> c.getBuddyName().equals(room)
                        && (driver.exactText() ? c.getMessage().equals("hello from an occupant")
                        : c.getMessage().contains("hello from an occupant")) && !c.getNickname().isEmpty()
                        && !c.getNickname().equals(NICK),
                ScenarioContext.REPLY, "a room message from another occupant");
    }

    private static void leave(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("goer");
        MainUser user = ctx.loginConnected(account);
        String room = driver.room();
        joinAndAwaitSelf(ctx, user, room);
        ctx.recording().awaitRecord(ctx.mark(), SETTLE, r -> false); // let the join burst finish
        long from = ctx.mark();
        user.leaveRoom(room);
        ctx.awaitNone(from, Type.TYPE_PARTICIPANT_CHANGED, Participant.class, p -> p.getRoom().equals(room),
                SessionSuite.QUIET, "PARTICIPANT_CHANGED for a room the user left");
        require(ctx.process().isAlive(), "the backend exited after LEAVE_ROOM");
    }
}
