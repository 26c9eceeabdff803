package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Writes a message body as a single-quoted CometQL string literal that no content can break out of.
 *
 * <p>CppComet relays the characters between the quotes byte for byte and decodes no escapes
 * (spec §I.3.2), so SQL escaping cannot be used: {@code 'it\'s'} would reach subscribers as
 * {@code it\'s}. Instead the body is JSON whose string contents are rewritten so that
 * <ul>
 *   <li>{@code '} {@code "} {@code \} {@code ;}, every control character (U+0000–U+001F, U+007F),
 *       U+2028/U+2029 and every surrogate become {@code \}{@code uXXXX};</li>
 *   <li>therefore the only backslashes in the literal are followed by {@code u}, there is no
 *       quote of either kind inside a JSON string, and there is no {@code '} at all;</li>
 *   <li>other Unicode (the rest of the BMP) stays as is and travels as UTF-8.</li>
 * </ul>
 * Characters above U+FFFF (emoji) are written as surrogate-pair escapes ({@code \}{@code ud83d\}{@code ude00})
 * because CppComet keeps history and offline queues in MariaDB {@code utf8} (3-byte) columns:
 * a raw 4-byte character makes that insert fail and the message is silently not stored.
 * A lone surrogate is not text (neither UTF-8 nor XMPP's XML can carry one) and becomes U+FFFD:
 * its escape makes CppComet truncate the frame of a live private message.
 * The subscriber's JSON parser restores the exact original text, on CppComet and on our server.
 */
public final class CometQlLiteral {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CometQlLiteral() {
    }

    /** A body that is plain text, sent as a JSON string. */
    public static String ofText(String text) {
        return ofJson(TextNode.valueOf(text));
    }

    /** A JSON body. */
    public static String ofJson(JsonNode body) {
        try {
            return "'" + safeJson(JSON.writeValueAsString(body)) + "'";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON body: " + e.getOriginalMessage(), e);
        }
    }

    /** A body given as JSON text; throws {@link IllegalArgumentException} when it is not JSON. */
    public static String ofJsonText(String jsonText) {
        try {
            return ofJson(JSON.readTree(jsonText));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A name already checked by {@link CometNames} (only {@code [A-Za-z0-9_-]}), quoted. */
    static String ofName(String checkedName) {
        return "'" + checkedName + "'";
    }

    /**
     * Rewrites compact JSON text (as Jackson writes it) so that string contents carry only
     * {@code \}{@code uXXXX} escapes and no character from the unsafe set.
     */
    static String safeJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                out.append('"');
                i = appendString(json, i + 1, out);
                out.append('"');
            } else if (c == '\'' || c == '\\' || c == ';' || c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("unexpected character outside a JSON string at " + i);
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** Copies string contents from {@code start}; returns the index of the closing quote. */
    private static int appendString(String json, int start, StringBuilder out) {
        int i = start;
        while (true) {
            if (i >= json.length()) {
                throw new IllegalArgumentException("unterminated JSON string");
            }
            if (json.charAt(i) == '"') {
                return i;
            }
            long unit = unitAt(json, i);
            char c = (char) unit;
            int next = (int) (unit >>> 16);
            if (Character.isHighSurrogate(c) && next < json.length() && json.charAt(next) != '"'
                    && Character.isLowSurrogate((char) unitAt(json, next))) {
                long low = unitAt(json, next);
                unicode(c, out);
                unicode((char) low, out);
                i = (int) (low >>> 16);
            } else {
                if (Character.isSurrogate(c)) {
                    c = '\ufffd'; // a lone surrogate is not text: see the class comment
                }
                if (unsafe(c)) {
                    unicode(c, out);
                } else {
                    out.append(c);
                }
                i = next;
            }
        }
    }

    /** The UTF-16 unit at {@code json[i]} (raw or escaped) in the low 16 bits, the next index above. */
    private static long unitAt(String json, int i) {
        char c = json.charAt(i);
        if (c != '\\') {
            return c | (long) (i + 1) << 16;
        }
        if (i + 1 >= json.length()) {
            throw new IllegalArgumentException("dangling backslash at " + i);
        }
        char e = json.charAt(i + 1);
        char decoded = switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (i + 6 > json.length()) {
                    throw new IllegalArgumentException("short \\u escape at " + i);
                }
                yield (char) Integer.parseInt(json.substring(i + 2, i + 6), 16);
            }
            default -> throw new IllegalArgumentException("bad JSON escape \\" + e + " at " + i);
        };
        return decoded | (long) (i + (e == 'u' ? 6 : 2)) << 16;
    }

    /**
     * Appends the contents of a JSON string holding {@code raw}, by the same rules as
     * {@link #safeJson} (used by {@link CometBodyLiteral}, which writes no JSON text first).
     */
    static void appendSafe(String raw, StringBuilder out) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                unicode(c, out);
                unicode(raw.charAt(++i), out);
            } else if (Character.isSurrogate(c)) {
                out.append('\ufffd'); // a lone surrogate is not text: see the class comment
            } else if (unsafe(c)) {
                unicode(c, out);
            } else {
                out.append(c);
            }
        }
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || c == '\'' || c == '"' || c == '\\' || c == ';'
                || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
    }

    private static void unicode(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
