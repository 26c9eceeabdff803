package org.spectrumcomet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two browsers chatting 1:1 with no bridge: buddy presence from users_time and live status events,
 * typing, the peer page's receipt (✓✓), and comet-client.js used on its own (web_pipe2).
 */
class BrowserChatTest {

    private static ChatRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = ChatRig.cometOnly();
        rig.webUser(2002);
        rig.webUser(3003);
        rig.webUser(6006);
        rig.webUser(7007);
        rig.webUser(8008);
        rig.webUser(9009);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void presenceTypingAndReadReceiptBetweenTwoPages() throws Exception {
        try (ChatBrowser bob = ChatBrowser.open(rig.chatUrl())) {
            bob.signIn(2002, ChatRig.keyOf(2002), "bob");
            bob.addBuddy(3003);
            bob.awaitTrue("carol never seen", () -> "offline".equals(bob.buddyState(3003)));
            assertThat(bob.find(".buddy[data-user='3003'] .seen").getText()).isEqualTo("never seen");
            try (ChatBrowser carol = ChatBrowser.open(rig.chatUrl())) {
                carol.signIn(3003, ChatRig.keyOf(3003), "carol");
                bob.awaitTrue("carol online (status event)", () -> "online".equals(bob.buddyState(3003)));
                carol.openChat(2002);
                bob.openChat(3003);
                bob.type("Hi Carol");
                carol.awaitTrue("bob typing shown", () -> carol.typing().equals("#2002 is typing…"));
                bob.send();
                carol.awaitMessage("Hi Carol");
                bob.awaitTrue("read receipt from carol's page", () -> "read".equals(bob.receiptOf("Hi Carol")));
                assertThat(bob.awaitMessage("Hi Carol").getText()).contains("✓✓");
                assertThat(carol.awaitMessage("Hi Carol").getText()).contains("bob (#2002) ·");
            }
            bob.awaitTrue("carol offline after closing", () -> "offline".equals(bob.buddyState(3003)));
            assertThat(bob.find(".buddy[data-user='3003'] .seen").getText()).startsWith("seen ");
        }
    }

    @Test
    void cometClientPublishesOnWebPipesAndReconnects() throws Exception {
        try (ChatBrowser one = ChatBrowser.open(rig.chatUrl()); ChatBrowser two = ChatBrowser.open(rig.chatUrl())) {
            String setup = "window.got = []; window.c = new CometClient({user: arguments[0], key: arguments[1],"
                    + " reconnectMin: 100});"
                    + "c.on('web_lobby.note', f => window.got.push(CometClient.body(f).text));"
                    + "window.states = []; c.on('state', s => { window.lastState = s; window.states.push(s); });"
                    + "c.subscribe('web_lobby'); c.connect();";
            one.script(setup, 6006, ChatRig.keyOf(6006));
            two.script(setup, 7007, ChatRig.keyOf(7007));
            one.awaitTrue("one online", () -> "online".equals(one.script("return window.lastState")));
            two.awaitTrue("two online", () -> "online".equals(two.script("return window.lastState")));
            rig.awaitOnline(7007, true);
            one.awaitTrue("published", () -> Boolean.TRUE.equals(one.script("return c.publish('web_lobby', 'note', {text: 'lobby hello'})"))
                    && !((java.util.List<?>) two.script("return window.got")).isEmpty());
            assertThat(two.script("return window.got[0]")).isEqualTo("lobby hello");
            assertThat((java.util.List<?>) one.script("return window.got")).isEmpty(); // web_pipe2 is not echoed

            // A socket lost under the page comes back by itself with its subscriptions.
            two.script("window.states = []; c.socket.close()");
            two.awaitTrue("two offline, then back online", () -> two.script("return window.states").toString()
                    .equals("[offline, connecting, online]"));
            one.awaitTrue("second publish reaches the reconnected page", () -> {
                one.script("c.publish('web_lobby', 'note', {text: 'again'})");
                return ((java.util.List<?>) two.script("return window.got")).contains("again");
            });
        }
    }

    @Test
    void hostileNickAndRoomTextAreShownAsText() throws Exception {
        String nick = "<img src=x onerror=window.pwned=2>";
        String text = "<script>window.pwned=3</script><img src=y onerror=window.pwned=4>";
        try (ChatBrowser mallory = ChatBrowser.open(rig.chatUrl()); ChatBrowser erin = ChatBrowser.open(rig.chatUrl())) {
            mallory.signIn(8008, ChatRig.keyOf(8008), nick);
            mallory.joinRoom("hostile_room");
            mallory.type(text);
            mallory.send();
            mallory.awaitTrue("sent", () -> "sent".equals(mallory.receiptOf(text)));
            erin.signIn(9009, ChatRig.keyOf(9009), "erin");
            erin.joinRoom("hostile_room");
            assertThat(erin.awaitMessage(text).getText()).contains(nick + " ·");
            Thread.sleep(300); // a (wrongly) created image would have failed to load by now
            for (ChatBrowser page : new ChatBrowser[] {mallory, erin}) {
                assertThat(page.script("return typeof window.pwned")).isEqualTo("undefined");
                assertThat(page.all("img")).isEmpty();
                assertThat(page.all("#messages script")).isEmpty();
            }
            assertThat(mallory.find("#me-name").getText()).isEqualTo(nick + " #8008");
        }
    }
}
