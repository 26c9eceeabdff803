package org.spectrumcomet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A browser user (2002, "bob") and an XMPP user (1001, through the emulated main and the real bridge
 * process) chatting both ways: presence, typing each way, receipts, a hostile body shown as text,
 * and messages queued while the page was away delivered once after it comes back.
 */
class XmppChatTest {

    private static final long WEB = 2002;
    private static final long XMPP = 1001;
    private static ChatRig rig;
    private static MainUser alice;

    @BeforeAll
    static void start() throws Exception {
        rig = ChatRig.withBridge("chat");
        alice = rig.xmppLogin(XMPP);
        rig.webUser(WEB);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void browserAndXmppUserChatBothWaysWithTypingAndReceipts() throws Exception {
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.signIn(WEB, ChatRig.keyOf(WEB), "bob");
            page.addBuddy(XMPP);
            page.awaitTrue("buddy 1001 online", () -> "online".equals(page.buddyState(XMPP)));

            alice.typing(Type.TYPE_BUDDY_TYPING, Long.toString(WEB));
            page.openChat(XMPP);
            page.awaitTrue("typing shown", () -> page.typing().contains("is typing"));
            alice.sendMessage(Long.toString(WEB), "Hi Bob, alice from XMPP here", "x1");
            // The bridge names the XMPP user by their JID's local part (u1001@localhost).
            assertThat(page.awaitMessage("Hi Bob, alice from XMPP here").getText()).contains("u1001 (#1001) ·");
            page.awaitTrue("typing cleared by the message", () -> page.typing().isEmpty());

            long mark = rig.main().recording().mark();
            page.type("Hello Alice");
            rig.awaitFrame(mark, "BUDDY_TYPING from 2002", m -> m.type() == Type.TYPE_BUDDY_TYPING
                    && m.payload() instanceof Buddy b && b.getBuddyName().equals("2002")
                    && b.getUserName().equals("u1001@localhost"));
            page.type(", the browser says hi");
            page.send();
            SpectrumMessage chat = rig.awaitFrame(mark, "CONV_MESSAGE from 2002", m -> m.type() == Type.TYPE_CONV_MESSAGE
                    && m.payload() instanceof ConversationMessage c && c.getBuddyName().equals("2002"));
            assertThat(((ConversationMessage) chat.payload()).getMessage()).isEqualTo("Hello Alice, the browser says hi");
            page.awaitTrue("receipt shown", () -> "delivered".equals(page.receiptOf("Hello Alice, the browser says hi")));
            assertThat(page.awaitMessage("Hello Alice, the browser says hi").getText()).contains("✓");

            alice.sendMessage(Long.toString(WEB), "Great, it works both ways", "x2");
            page.awaitMessage("Great, it works both ways");
            alice.typing(Type.TYPE_BUDDY_TYPING, Long.toString(WEB));
            page.awaitTrue("typing shown again", () -> page.typing().contains("is typing"));
            Path shot = page.screenshot("browser-and-xmpp");
            if (Boolean.getBoolean("chat.screenshot.docs")) {
                Files.copy(shot, Path.of("..", "docs", "chat-page.png"), StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(page.texts()).containsExactly("Hi Bob, alice from XMPP here", "Hello Alice, the browser says hi",
                    "Great, it works both ways");
        }
    }

    @Test
    void hostileBodyIsShownAsText() throws Exception {
        String hostile = "<img src=x onerror=window.pwned=1>";
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.signIn(3003, signUp(3003), "carol");
            alice.sendMessage("3003", hostile, "x3");
            page.awaitMessage(hostile);
            Thread.sleep(300); // give a (wrongly) created image the time to fail loading and run onerror
            assertThat(page.script("return typeof window.pwned")).isEqualTo("undefined");
            assertThat(page.all("img")).isEmpty();
            assertThat(page.all("#messages .message .text").get(0).getText()).isEqualTo(hostile);
            page.screenshot("hostile-body");
        }
    }

    @Test
    void messagesQueuedWhileThePageWasAwayAreDeliveredOnce() throws Exception {
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.signIn(5005, signUp(5005), "dave");
            page.leave();
            rig.awaitOnline(5005, false);
            alice.sendMessage("5005", "queued one", "q1");
            alice.sendMessage("5005", "queued two", "q2");
            long deadline = System.nanoTime() + ChatRig.REPLY.toNanos();
            while (rig.cometql.queued(5005) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(rig.cometql.queued(5005)).isEqualTo(2);

            page.comeBack(); // the tab's session storage signs in again
            page.awaitOnline();
            page.awaitMessage("queued two");
            rig.awaitOnline(5005, true);
            assertThat(rig.cometql.queued(5005)).isZero();
            page.awaitTrue("nothing shown twice", () -> page.count("queued one") == 1 && page.count("queued two") == 1);
            assertThat(page.texts()).containsExactly("queued one", "queued two");
            assertThat(page.find("#messages .message .meta").getText()).contains("while you were away");
            page.screenshot("after-reload-queued");

            page.reload();
            page.awaitOnline();
            page.openChat(XMPP);
            Thread.sleep(Duration.ofMillis(500).toMillis()); // a second delivery would have arrived by now
            assertThat(page.texts()).isEmpty();
        }
    }

    private static String signUp(long id) throws Exception {
        rig.webUser(id);
        return ChatRig.keyOf(id);
    }
}
