package org.spectrumcomet.bridge.comet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CometQlLiteralTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a subscriber gets: the bytes between the quotes, relayed verbatim, JSON-decoded. */
    private static String relayAndDecode(String literal) throws Exception {
        String inner = literal.substring(1, literal.length() - 1);
        String relayed = new String(inner.getBytes(UTF_8), UTF_8);
        JsonNode node = JSON.readTree(relayed);
        return node.textValue();
    }

    /** The invariants that make the literal inert for any SQL lexer (CppComet's included). */
    private static void assertInert(String literal) {
        assertThat(literal).startsWith("'").endsWith("'");
        String inner = literal.substring(1, literal.length() - 1);
        assertThat(inner).doesNotContain("'", ";");
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            assertThat(c).as("control char at %d", i).isGreaterThanOrEqualTo(' ');
            assertThat(c).isNotEqualTo((char) 0x7f);
            assertThat(Character.isSurrogate(c)).as("surrogate at %d", i).isFalse();
            if (c == '\\') {
                assertThat(inner.substring(i + 1, Math.min(inner.length(), i + 6))).matches("u[0-9a-f]{4}");
            }
        }
        assertThat(new String(inner.getBytes(UTF_8), UTF_8)).isEqualTo(inner);
    }

    @Test
    void everyCodePointBelow0x80RoundTripsAlone() throws Exception {
        for (char c = 0; c < 0x80; c++) {
            String text = "a" + c + "b";
            String literal = CometQlLiteral.ofText(text);
            assertInert(literal);
            assertThat(relayAndDecode(literal)).as("code point %d", (int) c).isEqualTo(text);
        }
    }

    @Test
    void allAsciiTogetherRoundTrips() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        String literal = CometQlLiteral.ofText(all.toString());
        assertInert(literal);
        assertThat(relayAndDecode(literal)).isEqualTo(all.toString());
    }

    @Test
    void randomUnicodeStringsRoundTripExactly() throws Exception {
        Random random = new Random(20241123);
        for (int n = 0; n < 5000; n++) {
            String text = randomText(random, random.nextInt(40));
            String literal = CometQlLiteral.ofText(text);
            assertInert(literal);
            assertThat(relayAndDecode(literal)).isEqualTo(withoutLoneSurrogates(text));
        }
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacter() throws Exception {
        String[][] cases = {{"\uD800", "\uFFFD"}, {"x\uDC00y", "x\uFFFDy"}, {"\uDBFF\uDBFF", "\uFFFD\uFFFD"},
            {"\uDC00\uD800", "\uFFFD\uFFFD"}, {"end\uD83D", "end\uFFFD"}, {"\uD83D\uDE00\uDE00", "😀\uFFFD"}};
        for (String[] c : cases) {
            String literal = CometQlLiteral.ofText(c[0]);
            assertInert(literal);
            assertThat(relayAndDecode(literal)).isEqualTo(c[1]);
        }
        assertThat(CometQlLiteral.ofJsonText("\"\\ud83d\\ude00 \\ud83d x\"")).isEqualTo("'\"\\ud83d\\ude00 \uFFFD x\"'");
    }

    /** What a text becomes after the trip: lone surrogates replaced by U+FFFD, nothing else changed. */
    static String withoutLoneSurrogates(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    @Test
    void charactersAboveTheBmpAreEscapedForCppCometsUtf8Columns() throws Exception {
        String literal = CometQlLiteral.ofText("hi 😀 é");
        assertThat(literal).isEqualTo("'\"hi \\ud83d\\ude00 é\"'");
        assertThat(relayAndDecode(literal)).isEqualTo("hi 😀 é");
        assertThat(literal.codePoints().allMatch(cp -> cp < 0x10000)).isTrue();
    }

    @Test
    void injectionAttemptsStayInsideTheLiteral() throws Exception {
        String[] hostile = {
            "'); DELETE FROM users_auth WHERE id IN (1); --",
            "\\'); DELETE FROM users_auth WHERE id IN (1); --",
            "''); DROP TABLE pipes; /*", "*/ ; --", "\\", "\\\\'", "\0'\0", "\"'\"", "'' OR ''=''",
        };
        for (String text : hostile) {
            String literal = CometQlLiteral.ofText(text);
            assertInert(literal);
            assertThat(cppCometStringEnd(literal)).as(text).isEqualTo(literal.length() - 1);
            assertThat(relayAndDecode(literal)).isEqualTo(text);
        }
    }

    /** Where CppComet's lexer ends a single-quoted string ({@code ''} rewritten, {@code \'} kept). */
    private static int cppCometStringEnd(String literal) {
        String s = literal.replace("''", "\\'");
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '\'' && s.charAt(i - 1) != '\\') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void jsonObjectsKeepTheirStructure() throws Exception {
        String literal = CometQlLiteral.ofJsonText("{\"a\":\"it's \\\"x\\\"\",\"n\":[1,2.5,true,null]}");
        assertInert(literal);
        assertThat(literal).isEqualTo("'{\"a\":\"it\\u0027s \\u0022x\\u0022\",\"n\":[1,2.5,true,null]}'");
        assertThat(JSON.readTree(literal.substring(1, literal.length() - 1)))
                .isEqualTo(JSON.readTree("{\"a\":\"it's \\\"x\\\"\",\"n\":[1,2.5,true,null]}"));
    }

    @Test
    void keysAreEscapedToo() throws Exception {
        String literal = CometQlLiteral.ofJsonText("{\"it's\":1}");
        assertInert(literal);
        assertThat(literal).isEqualTo("'{\"it\\u0027s\":1}'");
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> CometQlLiteral.ofJsonText("hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CometQlLiteral.ofJsonText("{} {}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void safeJsonRejectsMalformedInput() {
        assertThatThrownBy(() -> CometQlLiteral.safeJson("\"abc")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> CometQlLiteral.safeJson("\"a\\")).hasMessageContaining("dangling");
        assertThatThrownBy(() -> CometQlLiteral.safeJson("\"\\u12\"")).hasMessageContaining("short");
        assertThatThrownBy(() -> CometQlLiteral.safeJson("'x'")).hasMessageContaining("outside");
    }

    static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> b.append((char) random.nextInt(0x80));
                case 1 -> b.append("'\"\\;\0*/-\n".charAt(random.nextInt(9)));
                case 2 -> b.append((char) (0x80 + random.nextInt(0x800)));
                case 3 -> b.appendCodePoint(0x10000 + random.nextInt(0x100000 - 0x10000));
                case 4 -> b.append((char) (0xD800 + random.nextInt(0x800)));
                default -> b.append((char) random.nextInt(0x10000));
            }
        }
        return b.toString();
    }
}
