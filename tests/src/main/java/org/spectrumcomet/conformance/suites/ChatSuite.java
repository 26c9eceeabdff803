package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.util.List;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * One-to-one conversations (spec §5.5–§5.8): messages both ways (1:1 messages from the legacy side
 * carry no nickname), CONV_MESSAGE_ACK for a message with an id, typing states 18/19/20 both ways
 * (a conversation exists first: the main drops typing otherwise), attention both ways. A message to a
 * contact the legacy network refuses gets no ACK; one to an offline contact it queues gets one.
 */
public final class ChatSuite {

    private ChatSuite() {
    }

    public static Suite suite() {
        return new Suite("chat", Suite.Kind.SCENARIO, List.of(
                Scenario.of("one-to-one", ChatSuite::oneToOne),
                Scenario.of("receipt", ChatSuite::receipt),
                Scenario.of("typing", ChatSuite::typing),
                Scenario.of("attention", ChatSuite::attention)));
    }

    private static void oneToOne(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("chatter");
        MainUser user = ctx.loginConnected(account);
        String buddy = driver.buddy(account);
        long from = ctx.mark();
        user.sendMessage(buddy, "hello from xmpp", null);
        ctx.check(driver.awaitDelivered(ctx.recording(), from, user, buddy, "hello from xmpp", ScenarioContext.REPLY));
        from = ctx.mark();
        driver.buddySends(user, buddy, "hello from legacy");
        ConversationMessage got = ctx.await(from, Type.TYPE_CONV_MESSAGE, ConversationMessage.class,
                c -> c.getUserName().equals(account.jid()) && c.getBuddyName().equalsIgnoreCase(buddy)
                        && (driver.exactText() ? c.getMessage().equals("hello from legacy")
                        : c.getMessage().contains("hello from legacy")), ScenarioContext.REPLY,
                "CONV_MESSAGE from " + buddy + " to " + account.jid());
        require(got.getNickname().isEmpty(), "a 1:1 CONV_MESSAGE carries nickname '" + got.getNickname()
                + "' (the main changes the sender JID, or drops it without a conversation)");
    }

    private static void receipt(ScenarioContext ctx) throws Exception {
        LegacyAccount account = ctx.driver().account("receipts");
        MainUser user = ctx.loginConnected(account);
        String buddy = ctx.driver().buddy(account);
        long from = ctx.mark();
        user.sendMessage(buddy, "please confirm", "receipt-42");
        ConversationMessage ack = ctx.await(from, Type.TYPE_CONV_MESSAGE_ACK, ConversationMessage.class,
                c -> c.getUserName().equals(account.jid()), ScenarioContext.REPLY, "CONV_MESSAGE_ACK for id receipt-42");
        require(ack.getId().equals("receipt-42"), "CONV_MESSAGE_ACK has id '" + ack.getId() + "', expected 'receipt-42'");
        require(ack.getBuddyName().equalsIgnoreCase(buddy), "CONV_MESSAGE_ACK names buddy '" + ack.getBuddyName()
                + "', expected '" + buddy + "' (the main drops an ACK without a conversation)");
        java.util.Optional<String> refusing = ctx.driver().refusingBuddy(account);
        if (refusing.isPresent()) {
            from = ctx.mark();
            user.sendMessage(refusing.get(), "nobody takes this", "receipt-43");
            ctx.awaitNone(from, Type.TYPE_CONV_MESSAGE_ACK, ConversationMessage.class,
                    c -> c.getUserName().equals(account.jid()) && c.getId().equals("receipt-43"), SessionSuite.QUIET,
                    "CONV_MESSAGE_ACK for a message the legacy network refused");
        }
        java.util.Optional<String> queueing = ctx.driver().queueingBuddy(account);
        if (queueing.isPresent()) {
            from = ctx.mark();
            user.sendMessage(queueing.get(), "keep this for later", "receipt-44");
            ctx.await(from, Type.TYPE_CONV_MESSAGE_ACK, ConversationMessage.class,
                    c -> c.getUserName().equals(account.jid()) && c.getId().equals("receipt-44"), ScenarioContext.REPLY,
                    "CONV_MESSAGE_ACK for a message the legacy network queued for offline " + queueing.get());
        }
    }

    private static void typing(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("typist");
        MainUser user = ctx.loginConnected(account);
        String buddy = driver.buddy(account);
        long from = ctx.mark();
        user.sendMessage(buddy, "opening the conversation", null);
        ctx.check(driver.awaitDelivered(ctx.recording(), from, user, buddy, "opening the conversation", ScenarioContext.REPLY));
        for (Type state : List.of(Type.TYPE_BUDDY_TYPING, Type.TYPE_BUDDY_TYPED, Type.TYPE_BUDDY_STOPPED_TYPING)) {
            from = ctx.mark();
            user.typing(state, buddy);
            ctx.check(driver.awaitTypingSeen(ctx.recording(), from, user, buddy, state, ScenarioContext.REPLY));
            from = ctx.mark();
            driver.buddyTyping(user, buddy, state);
            ctx.await(from, state, Buddy.class, b -> b.getUserName().equals(account.jid())
                    && b.getBuddyName().equalsIgnoreCase(buddy), ScenarioContext.REPLY, state + " from " + buddy);
        }
    }

    private static void attention(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("nudger");
        MainUser user = ctx.loginConnected(account);
        String buddy = driver.buddy(account);
        long from = ctx.mark();
        user.attention(buddy, "wake up");
        ctx.check(driver.awaitAttentionSeen(ctx.recording(), from, user, buddy, ScenarioContext.REPLY));
        from = ctx.mark();
        driver.buddyAttention(user, buddy, "you too");
        ctx.await(from, Type.TYPE_ATTENTION, ConversationMessage.class, c -> c.getUserName().equals(account.jid())
                && c.getBuddyName().equalsIgnoreCase(buddy), ScenarioContext.REPLY, "ATTENTION from " + buddy);
    }
}
