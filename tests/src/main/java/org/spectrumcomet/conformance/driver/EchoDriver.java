package org.spectrumcomet.conformance.driver;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.conformance.main.Recording;
import org.spectrumcomet.echo.EchoRules;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Drives the echo backend ({@link EchoRules}): its legacy side is the backend itself, so a contact
 * "writes" by echoing what the user sent, and delivery is proven by that echo.
 */
public final class EchoDriver implements LegacyDriver {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public LegacyAccount account(String tag) {
        return new LegacyAccount(tag + "@localhost", tag, "secret");
    }

    @Override
    public Optional<LegacyAccount> failingAccount(LoginFailure failure) {
        return Optional.of(switch (failure) {
            case AUTHENTICATION_FAILED -> new LegacyAccount("badpw@localhost", "badpw", EchoRules.BAD_PASSWORD);
            case INVALID_USERNAME -> new LegacyAccount("invalid@localhost", EchoRules.INVALID_NAME, "secret");
            case NETWORK_ERROR_ONCE -> new LegacyAccount("neterr@localhost", EchoRules.NETWORK_ERROR_ONCE, "secret");
            case NETWORK_ERROR_ALWAYS -> new LegacyAccount("neterr-always@localhost", EchoRules.NETWORK_ERROR_ALWAYS, "secret");
        });
    }

    @Override
    public String buddy(LegacyAccount account) {
        return EchoRules.ROSTER.get(0).name();
    }

    @Override
    public Set<String> roster(LegacyAccount account) {
        Set<String> names = new LinkedHashSet<>();
        EchoRules.ROSTER.forEach(c -> names.add(c.name()));
        return names;
    }

    @Override
    public boolean confirmsBuddyAdd() {
        return true;
    }

    @Override
    public String room() {
        return "#echo";
    }

    @Override
    public Set<String> roomOccupants(LegacyAccount account) {
        return new LinkedHashSet<>(EchoRules.OCCUPANTS);
    }

    @Override
    public boolean roomHasHistory() {
        return true;
    }

    @Override
    public boolean roomHasSubject() {
        return true;
    }

    @Override
    public void buddySends(MainUser user, String buddy, String text) {
        user.sendMessage(buddy, text, null);
    }

    @Override
    public void buddyTyping(MainUser user, String buddy, Type typingType) {
        user.typing(typingType, buddy);
    }

    @Override
    public void buddyAttention(MainUser user, String buddy, String text) {
        user.attention(buddy, text);
    }

    @Override
    public void occupantSays(MainUser user, String room, String text) {
        user.sendMessage(room, EchoRules.BOT_PREFIX + text, null);
    }

    /** "bot: x" as the user's subject makes echo-bot set x ({@code echo.EchoRooms}). */
    @Override
    public void occupantSetsSubject(MainUser user, String room, String subject) {
        user.setSubject(room, EchoRules.BOT_PREFIX + subject);
    }

    @Override
    public String awaitDelivered(Recording recording, long fromSeq, MainUser user, String buddy, String text,
                                 Duration timeout) {
        return recording.awaitReceived(fromSeq, timeout, m -> m.type() == Type.TYPE_CONV_MESSAGE
                        && m.payload() instanceof ConversationMessage c && c.getUserName().equals(user.jid())
                        && c.getBuddyName().equalsIgnoreCase(buddy) && c.getMessage().equals(text))
                .map(r -> "").orElse("the echo of '" + text + "' from " + buddy + " did not arrive within "
                        + timeout.toMillis() + " ms");
    }

    @Override
    public String awaitTypingSeen(Recording recording, long fromSeq, MainUser user, String buddy, Type typingType,
                                  Duration timeout) {
        return recording.awaitReceived(fromSeq, timeout, m -> m.type() == typingType
                        && m.payload() instanceof Buddy b && b.getUserName().equals(user.jid())
                        && b.getBuddyName().equalsIgnoreCase(buddy))
                .map(r -> "").orElse("the echo of " + typingType + " from " + buddy + " did not arrive within "
                        + timeout.toMillis() + " ms");
    }

    @Override
    public String awaitAttentionSeen(Recording recording, long fromSeq, MainUser user, String buddy, Duration timeout) {
        return recording.awaitReceived(fromSeq, timeout, m -> m.type() == Type.TYPE_ATTENTION
                        && m.payload() instanceof ConversationMessage c && c.getUserName().equals(user.jid())
                        && c.getBuddyName().equalsIgnoreCase(buddy))
                .map(r -> "").orElse("the echo of ATTENTION from " + buddy + " did not arrive within "
                        + timeout.toMillis() + " ms");
    }
}
