package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CometBodyLiteralTest {

    private static final String NASTY = "ab 'q\"\\;/\u0000\n\t\u001f\u007f\u2028\u2029é€\ud83d\ude00\ud800\udc00{}[]:,";

    private static String viaJson(CometBody body) {
        return CometQlLiteral.ofJson(CometBodyCodec.toJson(body));
    }

    private static String random(Random r, int max) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(max);
        for (int i = 0; i < n; i++) {
            s.append(NASTY.charAt(r.nextInt(NASTY.length())));
        }
        return s.toString();
    }

    private static String maybe(Random r, String s) {
        return r.nextInt(4) == 0 ? null : s;
    }

    @Test
    void writesTheSameTextAsTheJsonTreeForEveryKindAndContent() {
        Random r = new Random(7);
        CometBody.Kind[] kinds = CometBody.Kind.values();
        for (int n = 0; n < 5000; n++) {
            CometBody body = new CometBody(kinds[r.nextInt(kinds.length)], maybe(r, random(r, 6)), maybe(r, random(r, 12)),
                    random(r, 40), maybe(r, random(r, 8)), r.nextInt(3) == 0 ? 0 : r.nextLong(), maybe(r, random(r, 8)));
            assertThat(CometBodyLiteral.of(body)).as("%s", body).isEqualTo(viaJson(body));
        }
    }

    @Test
    void theUsualShapes() {
        assertThat(CometBodyLiteral.of(CometBody.text("42", null, "it's", "m1", 17)))
                .isEqualTo("'{\"from\":\"42\",\"text\":\"it\\u0027s\",\"id\":\"m1\",\"ts\":17}'");
        assertThat(CometBodyLiteral.of(CometBody.notice(CometBody.Kind.TYPING, "42", null, 0)))
                .isEqualTo("'{\"kind\":\"typing\",\"from\":\"42\"}'");
        assertThat(CometBodyLiteral.of(CometBody.subject("42", "al", "", 5)))
                .isEqualTo(viaJson(CometBody.subject("42", "al", "", 5)));
    }
}
