package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CometBodyCodecTest {

    @Test
    void textBodyHasTheDocumentedShape() {
        CometBody body = CometBody.text("42", "alice", "hi", "m1", 1732300000000L);
        assertThat(CometBodyCodec.encode(body))
                .isEqualTo("{\"from\":\"42\",\"nick\":\"alice\",\"text\":\"hi\",\"id\":\"m1\",\"ts\":1732300000000}");
    }

    @Test
    void noticesAndReceiptsCarryAKind() {
        assertThat(CometBodyCodec.encode(CometBody.notice(CometBody.Kind.TYPING, "42", "alice", 5)))
                .isEqualTo("{\"kind\":\"typing\",\"from\":\"42\",\"nick\":\"alice\",\"ts\":5}");
        assertThat(CometBodyCodec.encode(CometBody.receipt("7", "m1", 6)))
                .isEqualTo("{\"kind\":\"receipt\",\"from\":\"7\",\"ts\":6,\"ref\":\"m1\"}");
    }

    @Test
    void subjectBodyHasTheDocumentedShapeEvenWhenEmpty() {
        assertThat(CometBodyCodec.encode(CometBody.subject("42", "alice", "Topic", 7)))
                .isEqualTo("{\"kind\":\"subject\",\"from\":\"42\",\"nick\":\"alice\",\"text\":\"Topic\",\"ts\":7}");
        assertThat(CometBodyCodec.encode(CometBody.subject("42", "alice", "", 7)))
                .isEqualTo("{\"kind\":\"subject\",\"from\":\"42\",\"nick\":\"alice\",\"text\":\"\",\"ts\":7}");
        assertThat(CometBody.Kind.SUBJECT.event()).isEqualTo("subject");
    }

    @Test
    void everyKindRoundTrips() {
        for (CometBody.Kind kind : CometBody.Kind.values()) {
            CometBody body = new CometBody(kind, "1", "n", kind == CometBody.Kind.TEXT ? "t" : "", "i", 9, "r");
            CometBody back = CometBodyCodec.decode(CometBodyCodec.encode(body));
            assertThat(back).isEqualTo(body);
        }
        assertThat(CometBody.Kind.fromWire("future-kind")).isEqualTo(CometBody.Kind.OTHER);
    }

    @Test
    void randomTextsRoundTripThroughTheLiteral() {
        Random random = new Random(7);
        for (int n = 0; n < 3000; n++) {
            CometBody body = CometBody.text("42", CometQlLiteralTest.randomText(random, 5),
                    CometQlLiteralTest.randomText(random, random.nextInt(60)), "id" + n, n);
            String literal = CometQlLiteral.ofJson(CometBodyCodec.toJson(body));
            String relayed = literal.substring(1, literal.length() - 1);
            assertThat(CometBodyCodec.decode(relayed)).isEqualTo(CometBody.text("42",
                    CometQlLiteralTest.withoutLoneSurrogates(body.nick()),
                    CometQlLiteralTest.withoutLoneSurrogates(body.text()), "id" + n, n));
        }
    }

    @Test
    void plainTextAndScalarsBecomePlainBodies() {
        assertThat(CometBodyCodec.decode("hello there")).isEqualTo(CometBody.plain("hello there"));
        assertThat(CometBodyCodec.decode("42 is the answer")).isEqualTo(CometBody.plain("42 is the answer"));
        assertThat(CometBodyCodec.decode("1e5")).isEqualTo(CometBody.plain("1e5"));
        assertThat(CometBodyCodec.decode("\"quoted\"")).isEqualTo(CometBody.plain("quoted"));
        assertThat(CometBodyCodec.decode("")).isEqualTo(CometBody.plain(""));
        assertThat(CometBodyCodec.decode(null)).isEqualTo(CometBody.plain(""));
    }

    @Test
    void webBodiesWithoutOurFieldsStillDecode() {
        CometBody body = CometBodyCodec.decode("{\"text\":\"from the web\",\"ts\":\"17\",\"color\":\"red\"}");
        assertThat(body.text()).isEqualTo("from the web");
        assertThat(body.ts()).isEqualTo(17);
        assertThat(body.from()).isNull();
        assertThat(CometBodyCodec.decode("{\"from\":42}").from()).isEqualTo("42");
    }

    @Test
    void sqlEscapedTextIsStrippedLikeTheReferenceClient() {
        // What CppComet relays for a browser's web_pipe2 JSON and for a driver-escaped literal.
        assertThat(CometBodyCodec.decode("{\\\"text\\\":\\\"it\\'s\\\"}").text()).isEqualTo("it's");
        assertThat(CometBodyCodec.decode("it\\'s a \\\\ test")).isEqualTo(CometBody.plain("it's a \\ test"));
        assertThat(CometBodyCodec.stripSlashes("a\\0b\\nc\\")).isEqualTo("a\0bnc");
        assertThat(CometBodyCodec.stripSlashes("none")).isEqualTo("none");
    }

    @Test
    void theJsonPreCheckRefusesOnlyTextJacksonRefusesToo() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String[] samples = {"hello", " x", "+1", ".5", "'q'", "NaN", "\\{}", "}", "", "  ", "{\"a\":1}", " [1]",
            "\"s\"", "-1", "7", "true", "false", "null", "nope", "t", "fals", "n12x", "\uFEFF{}", "\t\n\r{}"};
        for (String s : samples) {
            if (!CometBodyCodec.mayBeJson(s)) {
                boolean parsed;
                try {
                    com.fasterxml.jackson.databind.JsonNode n = json.readTree(s);
                    parsed = n != null && !n.isMissingNode();
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    parsed = false;
                }
                assertThat(parsed).as("pre-check refused parseable %s", s).isFalse();
            }
        }
        assertThat(CometBodyCodec.mayBeJson("hello")).isFalse();
        assertThat(CometBodyCodec.mayBeJson("n123x stamped text")).isFalse();
        assertThat(CometBodyCodec.mayBeJson("null")).isTrue();
        assertThat(CometBodyCodec.mayBeJson(" {")).isTrue();
    }
}
