package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link CometBody} ⇄ JSON, tolerant of what other comet clients publish.
 *
 * <p>Decoding rules for the text of a frame's {@code data} (in order):
 * <ol>
 *   <li>a JSON object → its fields ({@code text}, {@code from}, ... ; unknown fields ignored;
 *       {@code from}/{@code ts} accepted as number or string);</li>
 *   <li>any other JSON value → a plain-text body (a JSON string's content, else the JSON text);</li>
 *   <li>not JSON → CppComet adds SQL escapes to browser-published text and relays CometQL
 *       literals verbatim, so the backslashes are stripped the way the reference JS client
 *       strips them ({@link #stripSlashes}) and rules 1–2 are tried again;</li>
 *   <li>still not JSON → the stripped text as a plain-text body.</li>
 * </ol>
 */
public final class CometBodyCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CometBodyCodec() {
    }

    /** The body as a JSON object (absent fields omitted). */
    public static ObjectNode toJson(CometBody body) {
        ObjectNode o = JSON.createObjectNode();
        if (body.kind() != CometBody.Kind.TEXT) {
            o.put("kind", body.kind().wire());
        }
        putIfPresent(o, "from", body.from());
        putIfPresent(o, "nick", body.nick());
        if (body.kind() == CometBody.Kind.TEXT || body.kind() == CometBody.Kind.SUBJECT || !body.text().isEmpty()) {
            o.put("text", body.text());
        }
        putIfPresent(o, "id", body.id());
        if (body.ts() != 0) {
            o.put("ts", body.ts());
        }
        putIfPresent(o, "ref", body.ref());
        return o;
    }

    /** The body as compact JSON text (not yet made CometQL-safe: see {@link CometQlLiteral}). */
    public static String encode(CometBody body) {
        return toJson(body).toString();
    }

    /** Decodes the text of a comet message by the rules in the class comment; never throws. */
    public static CometBody decode(String data) {
        if (data == null) {
            return CometBody.plain("");
        }
        JsonNode node = parse(data);
        if (node != null) {
            return fromNode(node, data);
        }
        String stripped = stripSlashes(data);
        node = parse(stripped);
        return node != null ? fromNode(node, stripped) : CometBody.plain(stripped);
    }

    /** Decodes a {@code data} value that already is JSON (e.g. an object pushed by our server). */
    public static CometBody fromNode(JsonNode node) {
        return fromNode(node, node.toString());
    }

    /** {@code source}: the text the node was parsed from, kept as is for scalars like {@code 1e5}. */
    private static CometBody fromNode(JsonNode node, String source) {
        if (node.isTextual()) {
            return CometBody.plain(node.textValue());
        }
        if (!node.isObject()) {
            return CometBody.plain(source);
        }
        return new CometBody(CometBody.Kind.fromWire(text(node, "kind")), text(node, "from"), text(node, "nick"),
                text(node, "text"), text(node, "id"), number(node.get("ts")), text(node, "ref"));
    }

    /**
     * PHP-style stripslashes as the reference JS client applies it: {@code \0} → NUL,
     * {@code \x} → {@code x} for any other character (so {@code \\} → {@code \}), a trailing
     * lone backslash is dropped.
     */
    public static String stripSlashes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == '0' ? '\0' : next);
            }
        }
        return out.toString();
    }

    private static JsonNode parse(String text) {
        if (!mayBeJson(text)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * False when {@code text} cannot be JSON by its first non-blank character: plain text (the
     * usual site insert) then costs no parser exception, whose message formatting dominated the
     * comet→XMPP profile.
     */
    static boolean mayBeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
                return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9')
                        || text.startsWith("true", i) || text.startsWith("false", i) || text.startsWith("null", i);
            }
        }
        return false;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static long number(JsonNode v) {
        if (v == null) {
            return 0;
        }
        if (v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual() && v.textValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(v.textValue());
        }
        return 0;
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
