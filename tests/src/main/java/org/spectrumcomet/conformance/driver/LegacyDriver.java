package org.spectrumcomet.conformance.driver;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.conformance.main.Recording;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The legacy network's side of the scenario suites. Scenarios stay backend-neutral: they ask the
 * driver for accounts and names, make the legacy side act through it, and ask it whether what the
 * XMPP user sent arrived. Methods that observe return an empty string on success or the reason
 * for failure.
 */
public interface LegacyDriver extends AutoCloseable {

    String name();

    /** Text appended to the transport config for this backend (e.g. a {@code [comet]} section). */
    default String extraConfig() {
        return "";
    }

    /** A working account; the same tag gives the same account, different tags different users. */
    LegacyAccount account(String tag);

    /** An account that fails to log in that way, or empty if this legacy network cannot provoke it. */
    Optional<LegacyAccount> failingAccount(LoginFailure failure);

    /** A contact the account can chat with (also the vCard subject). */
    String buddy(LegacyAccount account);

    /** The contacts the backend must announce with BUDDY_CHANGED after login (may be empty). */
    Set<String> roster(LegacyAccount account);

    /** Whether a BUDDY_CHANGED from the user (add a contact) is confirmed by one from the backend. */
    boolean confirmsBuddyAdd();

    /** A room the account can join. */
    String room();

    /** Occupants other than the user expected in {@link #room()} on join (may be empty). */
    Set<String> roomOccupants(LegacyAccount account);

    /** Whether joining {@link #room()} replays history (CONV_MESSAGE with timestamps). */
    boolean roomHasHistory();

    /** Whether {@link #room()} has a subject, which a join must then send (after self, before history). */
    default boolean roomHasSubject() {
        return false;
    }

    /** Makes {@code buddy} send {@code text} to the user. */
    void buddySends(MainUser user, String buddy, String text);

    /** Makes {@code buddy} show a chat state (18, 19 or 20) to the user. */
    void buddyTyping(MainUser user, String buddy, Type typingType);

    /** Makes {@code buddy} request the user's attention. */
    void buddyAttention(MainUser user, String buddy, String text);

    /** Makes an occupant other than the user say {@code text} in {@code room}. */
    void occupantSays(MainUser user, String room, String text);

    /** Makes an occupant other than the user set the subject of {@code room}. */
    void occupantSetsSubject(MainUser user, String room, String subject);

    /**
     * Checks that the subject the user (as {@code nick}) set in {@code room} reached the room's
     * other occupants on the legacy side (default: nothing to observe beyond the echo).
     */
    default String awaitSubjectSeen(Recording recording, long fromSeq, MainUser user, String room, String nick,
                                    String subject, Duration timeout) {
        return "";
    }

    /** Checks that {@code text}, sent by the user to {@code buddy}, reached the legacy side. */
    String awaitDelivered(Recording recording, long fromSeq, MainUser user, String buddy, String text, Duration timeout);

    /** Checks that a chat state the user sent to {@code buddy} reached the legacy side. */
    String awaitTypingSeen(Recording recording, long fromSeq, MainUser user, String buddy, Type typingType, Duration timeout);

    /** Checks that an attention request the user sent reached the legacy side. */
    String awaitAttentionSeen(Recording recording, long fromSeq, MainUser user, String buddy, Duration timeout);

    /** Whether text from the legacy side arrives exactly as sent (else the suites only look for it inside). */
    default boolean exactText() {
        return false;
    }

    /**
     * Checks that {@code text}, which the user said in {@code room} as {@code nick}, reached the room's
     * other occupants on the legacy side (default: nothing to observe beyond the echo).
     */
    default String awaitRoomDelivered(Recording recording, long fromSeq, MainUser user, String room, String nick,
                                      String text, Duration timeout) {
        return "";
    }

    /** A contact the account can add (BUDDY_CHANGED from the user), confirmed when {@link #confirmsBuddyAdd()}. */
    default String contactToAdd(LegacyAccount account) {
        return "dave";
    }

    /** Whether {@link #setContactOnline} can make {@link #contactToAdd} go offline and online. */
    default boolean togglesPresence() {
        return false;
    }

    /** Makes {@code contact} go online or offline on the legacy network. */
    default void setContactOnline(String contact, boolean online) throws Exception {
        throw new UnsupportedOperationException("the " + name() + " driver cannot change a contact's presence");
    }

    /**
     * A contact to whom the legacy network refuses delivery (so a message with an id must get no
     * CONV_MESSAGE_ACK), or empty when it cannot provoke that.
     */
    default Optional<String> refusingBuddy(LegacyAccount account) {
        return Optional.empty();
    }

    /**
     * An offline contact for whom the legacy network queues every message instead of refusing it (so a
     * message with an id must get its CONV_MESSAGE_ACK), or empty. Drivers whose network has no delivery
     * limit offer this where they cannot offer a {@link #refusingBuddy}.
     */
    default Optional<String> queueingBuddy(LegacyAccount account) {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
