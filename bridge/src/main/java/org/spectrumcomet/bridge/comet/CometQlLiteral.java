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
 * Lone surrogates, which UTF-8 cannot carry at all, survive the same way.
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
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!inString) {
                if (c == '"') {
                    inString = true;
                    out.append(c);
                } else if (c == '\'' || c == '\\' || c == ';' || c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("unexpected character outside a JSON string at " + i);
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '"') {
                inString = false;
                out.append(c);
            } else if (c == '\\') {
                i = appendEscape(json, i, out);
            } else if (unsafe(c)) {
                unicode(c, out);
            } else {
                out.append(c);
            }
        }
        if (inString) {
            throw new IllegalArgumentException("unterminated JSON string");
        }
        return out.toString();
    }

    /** Rewrites the JSON escape starting at {@code json[i]} (a backslash); returns its last index. */
    private static int appendEscape(String json, int i, StringBuilder out) {
        if (i + 1 >= json.length()) {
            throw new IllegalArgumentException("dangling backslash at " + i);
        }
        char e = json.charAt(i + 1);
        switch (e) {
            case '"' -> unicode('"', out);
            case '\\' -> unicode('\\', out);
            case '/' -> out.append('/');
            case 'b' -> unicode('\b', out);
            case 'f' -> unicode('\f', out);
            case 'n' -> unicode('\n', out);
            case 'r' -> unicode('\r', out);
            case 't' -> unicode('\t', out);
            case 'u' -> {
                if (i + 6 > json.length()) {
                    throw new IllegalArgumentException("short \\u escape at " + i);
                }
                String hex = json.substring(i + 2, i + 6);
                unicode((char) Integer.parseInt(hex, 16), out);
                return i + 5;
            }
            default -> throw new IllegalArgumentException("bad JSON escape \\" + e + " at " + i);
        }
        return i + 1;
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
