package org.spectrumcomet.bridge.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.comet.CometQlLiteral;

class BodyLimitTest {

    private static final String NASTY = "a'\"\\;\u0000\u001f\u007f\u2028é€\ud83d\ude00\ud800/x";

    private static int exact(CometBody body) {
        return CometQlLiteral.ofJson(CometBodyCodec.toJson(body)).getBytes(UTF_8).length;
    }

    @Test
    void theQuickBoundIsNeverBelowTheLiteralsSize() {
        Random random = new Random(5);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) {
                text.append(NASTY.charAt(random.nextInt(NASTY.length())));
            }
            String t = text.toString();
            CometBody body = new CometBody(CometBody.Kind.values()[random.nextInt(CometBody.Kind.values().length)],
                    t.substring(0, Math.min(5, t.length())), t, t, t, Long.MIN_VALUE, t);
            assertThat(BodyLimit.upperBound(body)).as("bound for %s", t).isGreaterThanOrEqualTo(exact(body));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithItsSize() {
        CometBody body = CometBody.text("42", null, "\"".repeat(2000), "id", 1);
        assertThat(BodyLimit.problem(body, 8000)).contains("too long").contains(exact(body) + " bytes");
        CometBody small = CometBody.text("42", null, "hello", "id", 1);
        assertThat(BodyLimit.problem(small, 256)).isNull();
    }

    @Test
    void nearTheLimitTheExactSizeDecides() {
        // 1,320 escaped quotes: over the quick bound for 8000, under the exact size limit
        CometBody body = CometBody.text("42", null, "\"".repeat(1320), "id", 1);
        assertThat(BodyLimit.upperBound(body)).isGreaterThan(8000);
        assertThat(exact(body)).isLessThanOrEqualTo(8000);
        assertThat(BodyLimit.problem(body, 8000)).isNull();
        assertThat(BodyLimit.problem(body, exact(body) - 1)).contains("too long");
    }
}
