package org.spectrumcomet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.comet.WebBody;

/**
 * What the page keeps of a conversation. A message whose {@code ts} no {@code Date} can hold, sent by the site over CometQL (the chat API
 * replaces such times, CometQL passes bodies as they are): the page shows it at the time it got it,
 * not as "Invalid Date" pinned below every later message.
 */
class MessageTimeTest {

    private static ChatRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = ChatRig.cometOnly();
        rig.webUser(4004);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aTimeBeyondWhatADateHoldsIsShownAsArrivalTime() throws Exception {
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.signIn(4004, ChatRig.keyOf(4004), "dave");
            rig.awaitOnline(4004, true);
            rig.cometql.sendPrivate(4004, "message", new WebBody(null, "5005", "eve", "from the far future", "t1",
                    Long.MAX_VALUE));
            assertThat(page.awaitMessage("from the far future").getText()).contains("eve (#5005) ·")
                    .doesNotContain("Invalid Date");
            // Sent once the first is shown: its ts is after the first's arrival on the same clock.
            rig.cometql.sendPrivate(4004, "message", new WebBody(null, "5005", "eve", "right after", "t2",
                    System.currentTimeMillis()));
            page.awaitMessage("right after");
            assertThat(page.texts()).containsExactly("from the far future", "right after");
        }
    }

    /** A long conversation keeps only its newest messages: memory, and the DOM, stay bounded. */
    @Test
    void aConversationKeepsOnlyItsNewestMessages() throws Exception {
        int kept = 500; // chat.js MAX_KEPT
        int sentCount = kept + 20;
        rig.webUser(4014);
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.signIn(4014, ChatRig.keyOf(4014), "kim");
            rig.awaitOnline(4014, true);
            long base = System.currentTimeMillis();
            for (int i = 0; i < sentCount; i++) {
                rig.cometql.sendPrivate(4014, "message", new WebBody(null, "5015", "lee", "n" + i, null, base + i));
            }
            page.awaitMessage("n" + (sentCount - 1));
            page.awaitTrue("only the newest " + kept + " shown", () -> page.all("#messages .message").size() == kept);
            java.util.List<String> texts = page.texts();
            assertThat(texts.get(0)).isEqualTo("n" + (sentCount - kept));
            assertThat(texts.get(kept - 1)).isEqualTo("n" + (sentCount - 1));
            assertThat(page.script("return document.querySelectorAll('#messages .message').length")).isEqualTo((long) kept);
        }
    }
}
