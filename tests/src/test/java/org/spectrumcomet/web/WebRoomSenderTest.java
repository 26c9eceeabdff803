package org.spectrumcomet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A {@code web_} room can be written by any WebSocket client, signed in or not, with any body: a
 * {@code from} in it proves nothing there. The page must not show such a message as another user's
 * (or as the reader's own), nor let it rename that user everywhere on the page.
 */
class WebRoomSenderTest {

    private static ChatRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = ChatRig.cometOnly();
        rig.webUser(4024);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void anAnonymousWebPipeMessageIsNotAttributedToTheUserItNames() throws Exception {
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.signIn(4024, ChatRig.keyOf(4024), "ann");
            page.joinRoom("web_open_room");
            page.script("window.anon = new CometClient({reconnectMin: 100});"
                    + "anon.on('state', s => { window.anonState = s; }); anon.connect();");
            page.awaitTrue("anonymous socket online", () -> "online".equals(page.script("return window.anonState")));
            page.awaitTrue("forged message shown", () -> {
                page.script("anon.publish('web_open_room', 'message', {from: '4024', nick: 'not ann', text: 'forged'})");
                return page.texts().contains("forged");
            });
            WebElement forged = page.awaitMessage("forged");
            assertThat(forged.getAttribute("data-from")).isEqualTo("0");
            assertThat(forged.getAttribute("class")).doesNotContain("mine");
            assertThat(page.find("#me-name").getText()).isEqualTo("ann #4024");
            assertThat(forged.findElement(By.cssSelector(".meta")).getText()).doesNotContain("#4024");
        }
    }
}
