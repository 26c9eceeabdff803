package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * One-to-one chat through the real Spectrum 2 with the echo backend, whose contacts echo every
 * message, acknowledge it when it has an id, and mirror chat states and attention. Each test logs
 * in its own user, so the tests share one main instance without seeing each other's traffic.
 */
@Tag("peers")
class ChatIT {

    @RegisterExtension
    static final SpectrumServerFixture SPECTRUM = SpectrumServerFixture.with(PeerBackend::echo);

    @Test
    void messageBodyComesBackIntactFromTheBuddy() throws Exception {
        XMPPTCPConnection hank = SPECTRUM.clients().login("hank", "pw");
        EntityBareJid buddy = SPECTRUM.clients().jid("buddy");
        String body = "He said \"hi\" & <b>left</b> 'quotes' \u00e9t\u00e9 \uD83D\uDE00 \uD83D\uDC4D\uD83C\uDFFD\n2nd line";

        try (ContactInbox inbox = new ContactInbox(hank, buddy)) {
            ChatManager.getInstanceFor(hank).chatWith(buddy).send(body);
            Message echo = inbox.nextWithBody();

            assertThat(echo.getBody()).isEqualTo(body);
            assertThat(echo.getType()).isEqualTo(Message.Type.chat);
            assertThat(echo.getFrom().getResourceOrEmpty().toString()).isEqualTo("bot");
            assertThat(echo.getTo().asBareJid().toString()).isEqualTo(hank.getUser().asBareJid().toString());
        }
    }

    @Test
    void receiptRequestIsAnsweredWithReceivedForThatMessageId() throws Exception {
        XMPPTCPConnection ivy = SPECTRUM.clients().login("ivy", "pw");
        EntityBareJid buddy = SPECTRUM.clients().jid("buddy");
        CompletableFuture<String> receipt = new CompletableFuture<>();
        DeliveryReceiptManager.getInstanceFor(ivy).addReceiptReceivedListener((from, to, receiptId, stanza) -> {
            if (from.asBareJid().equals(buddy)) {
                receipt.complete(receiptId);
            }
        });

        MessageBuilder message = ivy.getStanzaFactory().buildMessageStanza()
                .to(buddy).ofType(Message.Type.chat).setBody("please confirm");
        DeliveryReceiptRequest.addTo(message);
        Message sent = message.build();
        try (ContactInbox inbox = new ContactInbox(ivy, buddy)) {
            ivy.sendStanza(sent);

            assertThat(receipt.get(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(sent.getStanzaId());
            assertThat(inbox.nextWithBody().getBody()).isEqualTo("please confirm");
        }
    }

    @Test
    void chatStatesAreMirroredByTheBuddy() throws Exception {
        XMPPTCPConnection jack = SPECTRUM.clients().login("jack", "pw");
        EntityBareJid buddy = SPECTRUM.clients().jid("buddy");
        ChatStateManager states = ChatStateManager.getInstance(jack);
        BlockingQueue<ChatState> fromBuddy = new LinkedBlockingQueue<>();
        states.addChatStateListener((chat, state, message) -> {
            if (chat.getXmppAddressOfChatPartner().equals(buddy)) {
                fromBuddy.add(state);
            }
        });
        Chat chat = ChatManager.getInstanceFor(jack).chatWith(buddy);

        states.setCurrentState(ChatState.composing, chat);
        assertThat(fromBuddy.poll(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(ChatState.composing);

        states.setCurrentState(ChatState.paused, chat);
        assertThat(fromBuddy.poll(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(ChatState.paused);

        states.setCurrentState(ChatState.active, chat);
        assertThat(fromBuddy.poll(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(ChatState.active);
    }

    @Test
    void attentionIsMirroredByTheBuddy() throws Exception {
        XMPPTCPConnection kate = SPECTRUM.clients().login("kate", "pw");
        EntityBareJid buddy = SPECTRUM.clients().jid("buddy");

        try (ContactInbox inbox = new ContactInbox(kate, buddy)) {
            // A chat message with a body: this Spectrum 2 drops XEP-0224's usual bodiless headline.
            kate.sendStanza(kate.getStanzaFactory().buildMessageStanza().to(buddy).ofType(Message.Type.chat)
                    .setBody("wake up").addExtension(new AttentionExtension()).build());

            Message attention = inbox.next("attention (XEP-0224)",
                    m -> m.hasExtension(AttentionExtension.ELEMENT_NAME, AttentionExtension.NAMESPACE));
            assertThat(attention.getFrom().asBareJid().toString()).isEqualTo(buddy.toString());
            assertThat(attention.getBody()).isEqualTo("wake up");
        }
    }
}
