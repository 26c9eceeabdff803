package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.attention.packet.AttentionExtension;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.ChatStateManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.ContactInbox;
import org.spectrumcomet.peers.SmackClients;

/**
 * One-to-one chat between a Smack user ({@code <id>@localhost} through Spectrum 2 and the bridge)
 * and a web user on a WebSocket. The web user reads private messages in the comet body convention
 * (bridge/COMET-BODY.md); what it "sends" is what the site's server inserts over CometQL
 * ({@code users_messages}), the only way a comet page reaches one user.
 */
@Tag("peers")
class CometChatIT {

    private static final Duration WAIT = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);
    private static final String HOSTILE = "He said \"hi\" & <b>left</b> 'quotes' back\\slash; \u00e9t\u00e9 "
            + "\uD83D\uDE00 \uD83D\uDC4D\uD83C\uDFFD\n2nd line";

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create();

    @Test
    void bodiesCrossIntactBothWays() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(201);
        WebUser web = CHAIN.comet().web(202);
        EntityBareJid webJid = CHAIN.jid(202);

        long mark = web.mark();
        ChatManager.getInstanceFor(smack).chatWith(webJid).send(HOSTILE);
        WebFrame out = awaitPrivate(web, mark, "message", b -> b.isText() && HOSTILE.equals(b.text()));
        assertThat(out.body().from()).isEqualTo("201");
        assertThat(out.body().ts()).as("send time in epoch ms").isPositive();

        try (ContactInbox inbox = new ContactInbox(smack, webJid)) {
            CHAIN.comet().cometql().sendPrivate(201, "message", WebBody.text(202, HOSTILE, "w-1"));
            Message in = inbox.nextWithBody();
            assertThat(in.getBody()).isEqualTo(HOSTILE);
            assertThat(in.getType()).isEqualTo(Message.Type.chat);
            assertThat(in.getFrom().asBareJid().toString()).isEqualTo("202@localhost");
        }
    }

    @Test
    void receiptComesForAMessageCometAcceptedIntoTheOfflineQueue() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(211);
        EntityBareJid offline = CHAIN.jid(212);
        CompletableFuture<String> receipt = new CompletableFuture<>();
        DeliveryReceiptManager.getInstanceFor(smack).addReceiptReceivedListener((from, to, receiptId, stanza) -> {
            if (from.asBareJid().equals(offline)) {
                receipt.complete(receiptId);
            }
        });

        MessageBuilder message = smack.getStanzaFactory().buildMessageStanza()
                .to(offline).ofType(Message.Type.chat).setBody("read this later");
        DeliveryReceiptRequest.addTo(message);
        Message sent = message.build();
        smack.sendStanza(sent);

        assertThat(receipt.get(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(sent.getStanzaId());
        assertThat(CHAIN.comet().cometql().queued(212)).as("users_messages queue of 212").isEqualTo(1);
        WebUser later = CHAIN.comet().web(212);
        WebFrame queued = awaitPrivate(later, 0, "message", b -> "read this later".equals(b.text()));
        assertThat(queued.fromQueue()).isTrue();
        assertThat(queued.body().id()).as("the message id travels in the body").isEqualTo(sent.getStanzaId());
    }

    @Test
    void noReceiptButANoticeWhenCometRefusesTheMessage() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(215);
        EntityBareJid full = CHAIN.jid(216);
        for (int i = 0; i < CometSite.MAX_QUEUED; i++) {
            CHAIN.comet().cometql().sendPrivate(216, "message", WebBody.text(217, "filler " + i, null));
        }
        CompletableFuture<String> receipt = new CompletableFuture<>();
        DeliveryReceiptManager.getInstanceFor(smack).addReceiptReceivedListener((from, to, receiptId, stanza) ->
                receipt.complete(receiptId));

        MessageBuilder message = smack.getStanzaFactory().buildMessageStanza()
                .to(full).ofType(Message.Type.chat).setBody("no room for this");
        DeliveryReceiptRequest.addTo(message);
        try (ContactInbox notices = new ContactInbox(smack, CHAIN.xmpp().jid("comet"))) {
            smack.sendStanza(message.build());

            Message notice = notices.nextWithBody();
            assertThat(notice.getBody()).contains("message to 216 not delivered");
        }
        assertThat(receipt).as("no XEP-0184 receipt for a refused message").isNotDone();
        assertThat(CHAIN.comet().cometql().queued(216)).as("216's queue, still full").isEqualTo(CometSite.MAX_QUEUED);
    }

    @Test
    void chatStatesCrossBothWays() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(221);
        WebUser web = CHAIN.comet().web(222);
        EntityBareJid webJid = CHAIN.jid(222);
        ChatStateManager states = ChatStateManager.getInstance(smack);
        BlockingQueue<ChatState> fromWeb = new LinkedBlockingQueue<>();
        states.addChatStateListener((chat, state, message) -> {
            if (chat.getXmppAddressOfChatPartner().equals(webJid)) {
                fromWeb.add(state);
            }
        });
        Chat chat = ChatManager.getInstanceFor(smack).chatWith(webJid);

        long mark = web.mark();
        states.setCurrentState(ChatState.composing, chat);
        awaitPrivate(web, mark, "typing", b -> "typing".equals(b.kind()) && "221".equals(b.from()));
        states.setCurrentState(ChatState.paused, chat);
        awaitPrivate(web, mark, "typing", b -> "paused".equals(b.kind()));
        states.setCurrentState(ChatState.active, chat);
        awaitPrivate(web, mark, "typing", b -> "stopped".equals(b.kind()));

        CHAIN.comet().cometql().sendPrivate(221, "typing", WebBody.notice("typing", 222));
        assertThat(fromWeb.poll(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(ChatState.composing);
        CHAIN.comet().cometql().sendPrivate(221, "typing", WebBody.notice("paused", 222));
        assertThat(fromWeb.poll(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(ChatState.paused);
        CHAIN.comet().cometql().sendPrivate(221, "typing", WebBody.notice("stopped", 222));
        assertThat(fromWeb.poll(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(ChatState.active);
    }

    @Test
    void attentionCrossesBothWays() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(231);
        WebUser web = CHAIN.comet().web(232);
        EntityBareJid webJid = CHAIN.jid(232);

        long mark = web.mark();
        // A chat message with a body: this Spectrum 2 drops XEP-0224's usual bodiless headline (PEERS.md).
        smack.sendStanza(smack.getStanzaFactory().buildMessageStanza().to(webJid).ofType(Message.Type.chat)
                .setBody("wake up").addExtension(new AttentionExtension()).build());
        WebFrame buzz = awaitPrivate(web, mark, "attention", b -> "attention".equals(b.kind()));
        assertThat(buzz.body().from()).isEqualTo("231");

        try (ContactInbox inbox = new ContactInbox(smack, webJid)) {
            CHAIN.comet().cometql().sendPrivate(231, "attention", WebBody.notice("attention", 232));
            Message attention = inbox.next("attention (XEP-0224)",
                    m -> m.hasExtension(AttentionExtension.ELEMENT_NAME, AttentionExtension.NAMESPACE));
            assertThat(attention.getFrom().asBareJid().toString()).isEqualTo("232@localhost");
        }
    }

    /** The first private frame from {@code mark} on with {@code event} whose body matches; fails listing what came. */
    static WebFrame awaitPrivate(WebUser web, long mark, String event, java.util.function.Predicate<WebBody> match)
            throws InterruptedException {
        return web.await(mark, f -> f.isPrivate() && f.event().equals(event) && match.test(f.body()), WAIT)
                .orElseThrow(() -> new AssertionError("web user " + web.id() + " got no matching '" + event
                        + "' message within " + WAIT.toMillis() + " ms; it got: " + web.frames(mark, f -> true)));
    }
}
