package org.spectrumcomet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.auth.JwtUserKey;

/** Signing in on the chat page: a good key, a bad key, a JWT alone; own online state shown. */
class SignInTest {

    private static ChatRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = ChatRig.cometOnly();
        rig.webUser(2002);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void goodKeyShowsOwnOnlineState() throws Exception {
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.screenshot("signin");
            page.signIn(2002, ChatRig.keyOf(2002), "bob");
            assertThat(page.find("#me-name").getText()).isEqualTo("bob #2002");
            assertThat(page.find("#me-state").getText()).isEqualTo("online");
            rig.awaitOnline(2002, true);
            page.screenshot("signed-in");
            page.reload();
            page.awaitOnline(); // the session survives a reload of the tab
        }
        rig.awaitOnline(2002, false);
    }

    @Test
    void badKeyIsRefusedWithAClearMessage() throws Exception {
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.submitSignIn("2002", "not-the-key", null);
            page.awaitTrue("refusal shown", () -> !page.find("#signin-error").getText().isEmpty());
            assertThat(page.find("#signin-error").getText()).startsWith("Sign-in refused: bad user id or key");
            assertThat(page.find("#app").isDisplayed()).isFalse();
            assertThat(page.find("#signin").isDisplayed()).isTrue();
            page.screenshot("signin-refused");
        }
    }

    @Test
    void jwtAloneNamesTheUser() throws Exception {
        String token = JwtUserKey.issue("webchatTenantKey", 4004, Instant.now().plusSeconds(300));
        try (ChatBrowser page = ChatBrowser.open(rig.chatUrl())) {
            page.submitSignIn("", token, null);
            page.awaitOnline();
            assertThat(page.find("#me-name").getText()).isEqualTo("#4004");
        }
    }
}
