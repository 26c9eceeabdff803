package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.RoomMessages;
import org.spectrumcomet.peers.Deadline;
import org.spectrumcomet.peers.SmackClients;

/**
 * A comet pipe joined as a XEP-0045 room {@code <pipe>@localhost}. Pipes are {@code web_*} so
 * that web users can publish into them from the page ({@code web_pipe2}). Each test has its own
 * pipe and users.
 */
@Tag("peers")
class CometRoomIT {

    private static final Duration WAIT = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);
    private static final int HISTORY = 20;

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create();

    private static PipeQueries pipes() {
        return new PipeQueries(CHAIN.comet().target());
    }

    @Test
    void joinShowsWebOccupantsAndSelfThenKeptHistoryWithDelayStamps() throws Exception {
        String pipe = "web_lounge";
        CHAIN.comet().cometql().setHistory(pipe, HISTORY);
        long firstTs = System.currentTimeMillis() - 60_000;
        CHAIN.comet().cometql().publish(pipe, "message", new WebBody(null, "302", "Wanda", "history one", "h-1", firstTs));
        CHAIN.comet().cometql().publish(pipe, "message", new WebBody(null, "303", "Xavier", "history two", "h-2", firstTs + 1000));
        WebUser wanda = CHAIN.comet().web(302);
        WebUser xavier = CHAIN.comet().web(303);
        wanda.subscribe(pipe);
        xavier.subscribe(pipe);
        Deadline.await("302 and 303 subscribed to " + pipe, () -> subscribers(pipe).containsAll(List.of(302L, 303L)));

        Instant joinedAt = Instant.now();
        MultiUserChat room = join(301, pipe, "smacky");

        Deadline.await("occupants Wanda, Xavier and self", () -> room.getOccupants().size() == 3);
        assertThat(room.getOccupants()).extracting(jid -> jid.getResourcepart().toString())
                .containsExactlyInAnyOrder("Wanda", "Xavier", "smacky");
        Message one = RoomMessages.next(room, "history one", m -> "history one".equals(m.getBody()));
        Message two = RoomMessages.next(room, "history two", m -> "history two".equals(m.getBody()));
        assertThat(one.getFrom().getResourceOrEmpty().toString()).isEqualTo("Wanda");
        assertThat(two.getFrom().getResourceOrEmpty().toString()).isEqualTo("Xavier");
        for (Message kept : List.of(one, two)) {
            DelayInformation delay = DelayInformation.from(kept);
            assertThat(delay).as("XEP-0203 delay on '" + kept.getBody() + "'").isNotNull();
            assertThat(delay.getStamp().toInstant()).isBefore(joinedAt);
        }
        assertThat(DelayInformation.from(one).getStamp().getTime() / 1000).as("the original time (s)")
                .isEqualTo(firstTs / 1000);
        // Comet's side: the bridge's socket of 301 is now a subscriber of the pipe.
        assertThat(subscribers(pipe)).contains(301L, 302L, 303L);
    }

    @Test
    void messagesCrossBothWays() throws Exception {
        String pipe = "web_studio";
        CHAIN.comet().cometql().setHistory(pipe, HISTORY);
        WebUser yara = CHAIN.comet().web(312);
        yara.subscribe(pipe);
        Deadline.await("312 subscribed", () -> subscribers(pipe).contains(312L));
        MultiUserChat room = join(311, pipe, "smacky2");
        String text = "room \"quotes\" & <tags> \uD83D\uDE00\nline 2";

        long mark = yara.mark();
        room.sendMessage(text);
        WebFrame seen = yara.await(mark, f -> f.pipe().equals(pipe) && text.equals(f.body().text()), WAIT)
                .orElseThrow(() -> new AssertionError("web subscriber got nothing on " + pipe + ": " + yara.frames(mark, f -> true)));
        assertThat(seen.body().nick()).isEqualTo("smacky2");
        assertThat(seen.body().from()).isEqualTo("311");
        Message echo = RoomMessages.next(room, "own message back", m -> text.equals(m.getBody()));
        assertThat(echo.getFrom().getResourceOrEmpty().toString()).isEqualTo("smacky2");
        assertThat(pipes().history(pipe)).as("the pipe's history over CometQL")
                .anySatisfy(kept -> {
                    assertThat(kept.event()).isEqualTo("message");
                    assertThat(kept.body().text()).isEqualTo(text);
                    assertThat(kept.body().nick()).isEqualTo("smacky2");
                });

        yara.publish(pipe, "message", WebBodyJson.encode(new WebBody(null, "312", "Yara", "hello from the page", "y-1",
                System.currentTimeMillis())));
        // Strictly the next one: a second copy of the own message (echo and delivery back) would come first.
        Message fromWeb = room.nextMessage(SmackClients.REPLY_TIMEOUT_MS);
        assertThat(fromWeb).as("the page's message").isNotNull();
        assertThat(fromWeb.getBody()).as("the next room message after the own one").isEqualTo("hello from the page");
        assertThat(fromWeb.getType()).isEqualTo(Message.Type.groupchat);
        assertThat(fromWeb.getFrom().getResourceOrEmpty().toString()).isEqualTo("Yara");
        assertThat(DelayInformation.from(fromWeb)).as("a live message has no delay").isNull();
        assertThat(room.getOccupants()).extracting(jid -> jid.getResourcepart().toString()).contains("Yara");
    }

    @Test
    void privateMessageToAnOccupantReachesThatWebUser() throws Exception {
        String pipe = "web_corner";
        WebUser uma = CHAIN.comet().web(342);
        uma.subscribe(pipe);
        Deadline.await("342 subscribed", () -> subscribers(pipe).contains(342L));
        MultiUserChat room = join(341, pipe, "smacky6");
        uma.publish(pipe, "message", WebBodyJson.encode(new WebBody(null, "342", "Uma", "ask me", "u-1",
                System.currentTimeMillis())));
        RoomMessages.next(room, "Uma's message", m -> "ask me".equals(m.getBody()));

        long mark = uma.mark();
        XMPPTCPConnection smack = (XMPPTCPConnection) room.getXmppConnection();
        smack.sendStanza(smack.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityFullFrom(room.getRoom(), Resourcepart.from("Uma")))
                .ofType(Message.Type.chat).setBody("just for you").build());

        WebFrame got = CometChatIT.awaitPrivate(uma, mark, "message", b -> "just for you".equals(b.text()));
        assertThat(got.body().from()).isEqualTo("341");
    }

    @Test
    void leavingUnsubscribesFromThePipe() throws Exception {
        String pipe = "web_hall";
        MultiUserChat room = join(321, pipe, "smacky3");
        Deadline.await("321 subscribed", () -> subscribers(pipe).contains(321L));

        Presence left = room.leave();

        assertThat(left.getType()).as("the reflected self-presence").isEqualTo(Presence.Type.unavailable);
        assertThat(room.isJoined()).isFalse();
        Deadline.await("321 no longer subscribed to " + pipe, () -> !subscribers(pipe).contains(321L));
    }

    @Test
    void subjectCrossesBothWaysAndTheLatestIsSentOnJoin() throws Exception {
        String pipe = "web_topic";
        CHAIN.comet().cometql().setHistory(pipe, HISTORY);
        CHAIN.comet().cometql().publish(pipe, "subject",
                new WebBody("subject", "332", "Zoe", "set from the web", null, System.currentTimeMillis()));
        WebUser zoe = CHAIN.comet().web(332);
        zoe.subscribe(pipe);

        MultiUserChat room = join(331, pipe, "smacky4");
        Deadline.await("the subject from the pipe's history", () -> "set from the web".equals(room.getSubject()));

        long mark = zoe.mark();
        room.changeSubject("set from XMPP");
        WebFrame seen = zoe.await(mark, f -> f.pipe().equals(pipe) && f.event().equals("subject"), WAIT)
                .orElseThrow(() -> new AssertionError("no subject event on " + pipe + ": " + zoe.frames(mark, f -> true)));
        assertThat(seen.body().kind()).isEqualTo("subject");
        assertThat(seen.body().text()).isEqualTo("set from XMPP");
        assertThat(seen.body().nick()).isEqualTo("smacky4");
        assertThat(seen.body().from()).isEqualTo("331");

        CompletableFuture<String> live = new CompletableFuture<>();
        room.addSubjectUpdatedListener((subject, from) -> {
            if ("changed on the page".equals(subject)) {
                live.complete(from.getResourceOrEmpty().toString());
            }
        });
        CHAIN.comet().cometql().publish(pipe, "subject",
                new WebBody("subject", "332", "Zoe", "changed on the page", null, System.currentTimeMillis()));
        assertThat(live.get(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo("Zoe");
    }

    private static List<Long> subscribers(String pipe) {
        return pipes().subscribers(pipe);
    }

    private static MultiUserChat join(long id, String pipe, String nick) throws Exception {
        XMPPTCPConnection connection = CHAIN.login(id);
        MultiUserChat room = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(CHAIN.xmpp().jid(pipe));
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from(nick))
                .requestMaxStanzasHistory(HISTORY).timeoutAfter(SmackClients.REPLY_TIMEOUT_MS).build());
        return room;
    }
}
