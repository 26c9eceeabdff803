package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CometUrlTest {

    @Test
    void parsesTheReferenceClientLayout() throws Exception {
        CometUrl url = CometUrl.parse("/ws/sesion=hash7secret&myid=7&devid=0&v=4.09&uuid=Buuid123&api=js");
        assertThat(url).isEqualTo(new CometUrl("hash7secret", 7, "0", 4, 9, "Buuid123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ws/", "//ws/", "/comet-server/ws/", "//comet-server/ws/"})
    void acceptsEveryPrefix(String prefix) throws Exception {
        assertThat(CometUrl.parse(prefix + "sesion=&myid=&devid=0&v=3.24&uuid=x&api=js").major()).isEqualTo(3);
    }

    @Test
    void fieldNamesAreSkippedByLengthNotChecked() throws Exception {
        CometUrl url = CometUrl.parse("/ws/s=KEY&xxxxx12&yyyyyy5&zz1.2");
        assertThat(url).isEqualTo(new CometUrl("KEY", 12, "5", 1, 2, ""));
    }

    @Test
    void nonNumericOrOversizedUserIdIsAnonymous() throws Exception {
        assertThat(CometUrl.parse("/ws/sesion=k&myid=7a&devid=0&v=4.0").userId()).isZero();
        assertThat(CometUrl.parse("/ws/sesion=k&myid=1234567890&devid=0&v=4.0").userId()).isZero();
        assertThat(CometUrl.parse("/ws/sesion=k&myid=&devid=&v=4.0").devId()).isEqualTo("0");
        assertThat(CometUrl.parse("/ws/sesion=k&myid=1&devid=007&v=4.0").devId()).isEqualTo("7");
    }

    @Test
    void keyKeepsPercentSignsAndEqualsLiterally() throws Exception {
        assertThat(CometUrl.parse("/ws/sesion=a%20b=c&myid=1&devid=0&v=4.0").userKey()).isEqualTo("a%20b=c");
    }

    @Test
    void uuidIsCappedAt32AndOnlyTakenWhenNamed() throws Exception {
        String long40 = "u".repeat(40);
        assertThat(CometUrl.parse("/ws/sesion=&myid=&devid=0&v=4.0&uuid=" + long40 + "&api=js").uuid()).hasSize(32);
        assertThat(CometUrl.parse("/ws/sesion=&myid=&devid=0&v=4.0&api=js").uuid()).isEmpty();
    }

    @Test
    void errorsCarryCppCometCodes() {
        assertRefused("/ws/nothing", 401, "session ID not found");
        assertRefused("/ws/sesion=abc", 401, "the user ID can not be found");
        assertRefused("/ws/sesion=abc&myid=1&devid=0", 418, "client version");
        assertRefused("/ws/sesion=abc&myid=1&devid=0&v=4", 418, "client version");
        assertRefused("/ws/sesion=abc&myid=1&devid=0&v=x.y&uuid=1", 418, "client version");
        assertRefused("/ws/sesion=abc&myid=1&devid=zz&v=4.1", 404, "unknown tenant 'zz'");
        assertRefused("/other/sesion=&myid=&devid=0&v=4.1", 404, "not a comet WebSocket path");
    }

    private static void assertRefused(String path, int code, String message) {
        assertThatThrownBy(() -> CometUrl.parse(path)).isInstanceOfSatisfying(CometUrl.Invalid.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
