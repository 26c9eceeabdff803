package org.spectrumcomet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 *
 * <p>One contract, run on every comet server the bridge supports: a subclass says which server
 * ({@link #startRig()}) and may check what that server does to the raw frames on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileBodiesContract {

    protected static final long XMPP_ID = 3001;
    protected static final long WEB_ID = 3501;
    private static final long WATCHER_ID = 3502;
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

    private BridgeRig rig;
    private MainUser xmpp;
    private WebUser web;
    private WebUser watcher;

    /** The bridge and the comet server under test, started. */
    protected abstract BridgeRig startRig() throws Exception;

    /** What the server may do to a private frame the bridge published; nothing by default. */
    protected void checkPrivateFrameFromBridge(WebFrame frame) {
    }

    /**
     * What another browser subscribed to the room sees of what a browser published there.
     *
     * @param published the JSON the browser sent
     * @param seen the frame the other browser received
     */
    protected void checkBrowserFrameSeenByAnother(String published, WebFrame seen) {
        assertThat(WebBodyJson.decode(seen.data()).text()).isEqualTo(WebBodyJson.decode(published).text());
    }

    @BeforeAll
    void start() throws Exception {
        rig = startRig();
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
    void stop() throws Exception {
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
            checkPrivateFrameFromBridge(got);
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
            checkBrowserFrameSeenByAnother(published, seen);
        }
    }

    @Test
    void hostileSubjectsReachTheWebExactly() throws Exception {
        for (int i = 0; i < HOSTILE.size() - 1; i++) {
            String subject = HOSTILE.get(i);
            long webMark = web.mark();
            xmpp.setSubject(ROOM, subject);
            WebFrame got = web.await(webMark, f -> f.pipe().equals(ROOM) && "subject".equals(f.body().kind()),
                    BridgeRig.REPLY).orElseThrow(() -> new AssertionError("no subject frame for: " + subject));
            assertThat(got.body().text()).as("subject %d", i).isEqualTo(subject);
        }
        keysSurvived();
    }

    /**
     * A room name full of SQL and JSON metacharacters becomes an escaped pipe name (bridge
     * RoomNames), and a hostile nickname travels inside the JSON body: neither can reach the
     * statement's syntax.
     */
    @Test
    void hostileRoomNamesAndNicknamesAreEscapedNeverInjected() throws Exception {
        String room = "a'b;c\"d";
        String pipe = org.spectrumcomet.bridge.rooms.RoomNames.toPipe(room);
        String nick = "'); DELETE FROM users_auth; -- \"}";
        assertThat(pipe).as("escaped pipe name").matches("[A-Za-z0-9_-]+");
        web.subscribe(pipe);
        long from = rig.mark();
        xmpp.joinRoom(room, nick);
        assertThat(rig.await(from, Participant.class, p -> p.getNickname().equals(nick), BridgeRig.REPLY))
                .as("own presence in the hostile room").isPresent();
        long webMark = web.mark();
        xmpp.sendMessage(room, "hello from a hostile nick", null);
        WebFrame got = web.await(webMark, f -> f.pipe().equals(pipe), BridgeRig.REPLY)
                .orElseThrow(() -> new AssertionError("the web user saw nothing on " + pipe));
        assertThat(got.body().nick()).isEqualTo(nick);
        assertThat(got.body().text()).isEqualTo("hello from a hostile nick");
        keysSurvived();
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
    private void keysSurvived() throws Exception {
        try (WebUser again = WebUser.connect(rig.target(), WEB_ID, BridgeRig.keyOf(WEB_ID))) {
            assertThat(again.authorized()).as("users_auth still holds the key of %d", WEB_ID).isTrue();
        }
        assertThat(rig.cometql.lastOnline(WEB_ID)).isEqualTo(0);
    }
}
