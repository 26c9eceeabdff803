package org.spectrumcomet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;

/**
 * Hostile message bodies cross the bridge both ways unchanged — privately and in a room — and do
 * nothing else: no statement is cut short (users_auth still holds the keys), no markup is
 * interpreted, 4-byte characters and an 8 KB text arrive whole. NUL cannot travel in XML: it is
 * stripped on the way to the XMPP user.
 */
class HostileBodiesTest {

    private static final long XMPP_ID = 3001;
    private static final long WEB_ID = 3501;
    private static final String ROOM = "web_hostile";
    private static final List<String> HOSTILE = List.of(
            "\"double\" and 'single' quotes, `backticks`",
            "back\\slash \\' \\\" \\\\ \\n \\u0041 C:\\temp\\",
            "<img src=x onerror=alert(1)>",
            "'); DELETE FROM users_auth; --",
            "\"); DELETE FROM users_auth WHERE id = 3501; -- ;;",
            "emoji 😀 👍🏽 🇫🇷 and a lone BMP ☃",
            "RTL: مرحبا بالعالم ‮override‬ שלום",
            "line one\nline two\ttabbed\r\n",
            "\u2028separators\u2029",
            "x".repeat(100) + "8k:" + "abcdefgh".repeat(1008));

    private static BridgeRig rig;
    private static MainUser xmpp;
    private static WebUser web;

    @BeforeAll
    static void start() throws Exception {
        rig = BridgeRig.start(BridgeRig.inMemory("hostile"), "");
        xmpp = rig.login(XMPP_ID);
        web = rig.web(WEB_ID);
        assertThat(web.authorized()).isTrue();
        rig.cometql.setHistory(ROOM, 10);
        web.subscribe(ROOM);
        long from = rig.mark();
        xmpp.joinRoom(ROOM, "xmpp");
        assertThat(rig.await(from, Participant.class, p -> p.getNickname().equals("xmpp"), BridgeRig.REPLY)).isPresent();
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) {
            web.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void privateMessagesFromXmppArriveExactlyAtTheWebUser() throws Exception {
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            long webMark = web.mark();
            long from = rig.mark();
            xmpp.sendMessage(Long.toString(WEB_ID), text, "hostile-" + i);
            WebFrame got = web.await(webMark, f -> f.isPrivate() && f.body().isText(), BridgeRig.REPLY)
                    .orElseThrow(() -> new AssertionError("web user got nothing for: " + text));
            assertThat(got.body().text()).as("private text %d", i).isEqualTo(text);
            assertThat(got.body().from()).isEqualTo(Long.toString(XMPP_ID));
            int id = i;
            assertThat(rig.await(from, ConversationMessage.class, c -> c.getId().equals("hostile-" + id),
                    BridgeRig.REPLY)).as("ACK of %d", i).isPresent();
        }
        keysSurvived();
    }

    @Test
    void privateMessagesFromTheWebArriveExactlyAtTheXmppUser() throws Exception {
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            long from = rig.mark();
            rig.cometql.sendPrivate(XMPP_ID, "message", WebBody.text(WEB_ID, text, "web-" + i));
            ConversationMessage got = rig.await(from, ConversationMessage.class,
                    c -> c.getBuddyName().equals(Long.toString(WEB_ID)), BridgeRig.REPLY)
                    .orElseThrow(() -> new AssertionError("no CONV_MESSAGE for: " + text));
            assertThat(got.getMessage()).as("private text %d", i).isEqualTo(text);
        }
        keysSurvived();
    }

    @Test
    void roomMessagesCrossBothWaysExactly() throws Exception {
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            long webMark = web.mark();
            xmpp.sendMessage(ROOM, text, null);
            WebFrame got = web.await(webMark, f -> f.pipe().equals(ROOM), BridgeRig.REPLY)
                    .orElseThrow(() -> new AssertionError("web user got nothing in the room for: " + text));
            assertThat(got.body().text()).as("room text %d to the web", i).isEqualTo(text);
            assertThat(got.body().nick()).isEqualTo("xmpp");

            long from = rig.mark();
            web.publish(ROOM, "message", WebBodyJson.encode(WebBody.text(WEB_ID, text, "room-web-" + i)));
            ConversationMessage back = rig.await(from, ConversationMessage.class,
                    c -> c.getBuddyName().equals(ROOM) && !c.getNickname().equals("xmpp"), BridgeRig.REPLY)
                    .orElseThrow(() -> new AssertionError("no room CONV_MESSAGE for: " + text));
            assertThat(back.getMessage()).as("room text %d from the web", i).isEqualTo(text);
            assertThat(back.getNickname()).isEqualTo(Long.toString(WEB_ID));
        }
    }

    @Test
    void nulFromTheWebIsStrippedBecauseXmlCannotCarryIt() throws Exception {
        long from = rig.mark();
        rig.cometql.sendPrivate(XMPP_ID, "message", WebBody.text(WEB_ID, "before\u0000after\u0000", "nul"));
        ConversationMessage got = rig.await(from, ConversationMessage.class,
                c -> c.getBuddyName().equals(Long.toString(WEB_ID)), BridgeRig.REPLY)
                .orElseThrow(() -> new AssertionError("no CONV_MESSAGE for the NUL text"));
        assertThat(got.getMessage()).isEqualTo("beforeafter");
    }

    /** The injection attempts were text: the keys are still there (a fresh socket is authorised). */
    private static void keysSurvived() throws Exception {
        try (WebUser again = WebUser.connect(rig.target(), WEB_ID, BridgeRig.keyOf(WEB_ID))) {
            assertThat(again.authorized()).as("users_auth still holds the key of %d", WEB_ID).isTrue();
        }
        assertThat(rig.cometql.lastOnline(WEB_ID)).isEqualTo(0);
    }
}
