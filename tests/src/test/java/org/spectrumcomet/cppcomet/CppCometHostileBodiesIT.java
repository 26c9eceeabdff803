package org.spectrumcomet.cppcomet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.spectrumcomet.conformance.comet.CppCometProcess;
import org.spectrumcomet.e2e.BridgeRig;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;

/**
 * The hostile bodies of {@code e2e.HostileBodiesTest} through the bridge on the real CppComet. They
 * round-trip exactly, although CppComet relays CometQL literals byte for byte (spec §I.3.2), drops
 * 4-byte characters in its utf8 columns and SQL-escapes what browsers publish (§I.4.4): the frames
 * show the bridge's {@code \}{@code uXXXX} escapes arriving as written, and the browser's room
 * message arriving escaped at another browser, while the XMPP side gets the exact text.
 */
@EnabledIfEnvironmentVariable(named = "CPPCOMET_HOME", matches = ".*\\S.*",
        disabledReason = CppCometPeer.UNAVAILABLE)
class CppCometHostileBodiesIT {

    private static final long XMPP_ID = 3001;
    private static final long WEB_ID = 3501;
    private static final long WATCHER_ID = 3502;
    private static final String ROOM = "web_hostile";
    /** The same bodies as e2e.HostileBodiesTest. */
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
    private static WebUser watcher;

    @BeforeAll
    static void start() throws Exception {
        Path home = CppCometProcess.homeFromEnvironment();
        rig = BridgeRig.onCppComet(home, "cppcomet-hostile");
        xmpp = rig.login(XMPP_ID);
        web = rig.web(WEB_ID);
        watcher = rig.web(WATCHER_ID);
        assertThat(web.authorized()).isTrue();
        rig.cometql.setHistory(ROOM, 10);
        web.subscribe(ROOM);
        watcher.subscribe(ROOM);
        long from = rig.mark();
        xmpp.joinRoom(ROOM, "xmpp");
        assertThat(rig.await(from, Participant.class, p -> p.getNickname().equals("xmpp"), BridgeRig.REPLY))
                .isPresent();
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebUser u : new WebUser[] {web, watcher}) {
            if (u != null) {
                u.close();
            }
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
            assertThat(got.data()).as("spec §I.3.2: CppComet relays the bridge's literal byte for byte, so only the "
                    + "bridge's \\u escapes keep single quotes, other backslashes and 4-byte characters out of it")
                    .doesNotContain("'").doesNotContainPattern("\\\\[^u]")
                    .doesNotContainPattern("[\\x{10000}-\\x{10FFFF}]");
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
            long watcherMark = watcher.mark();
            String published = WebBodyJson.encode(WebBody.text(WEB_ID, text, "room-web-" + i));
            web.publish(ROOM, "message", published);
            ConversationMessage back = rig.await(from, ConversationMessage.class,
                    c -> c.getBuddyName().equals(ROOM) && !c.getNickname().equals("xmpp"), BridgeRig.REPLY)
                    .orElseThrow(() -> new AssertionError("no room CONV_MESSAGE for: " + text));
            assertThat(back.getMessage()).as("room text %d from the web", i).isEqualTo(text);
            assertThat(back.getNickname()).isEqualTo(Long.toString(WEB_ID));
            WebFrame seen = watcher.await(watcherMark, f -> f.pipe().equals(ROOM) && f.userId() == WEB_ID,
                    BridgeRig.REPLY).orElseThrow(() -> new AssertionError("the other browser saw nothing"));
            assertThat(seen.data()).as("spec §I.4.4: CppComet SQL-escapes what a browser publishes with web_pipe2")
                    .isEqualTo(published.replace("\\", "\\\\").replace("\"", "\\\""));
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
