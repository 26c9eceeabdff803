package org.spectrumcomet.conformance.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and reads {@link WebBody} JSON independently of the bridge's codec (so a bug there is
 * not mirrored here). Writing follows the convention's safe form: inside strings {@code "},
 * {@code '}, {@code \}, {@code ;}, control characters, U+2028/U+2029 and every character above
 * U+FFFF are {@code \}{@code uXXXX} escapes, so the JSON can sit between the quotes of a CometQL
 * literal, which comet relays byte for byte.
 */
public final class WebBodyJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebBodyJson() {
    }

    public static String encode(WebBody body) {
        StringBuilder out = new StringBuilder("{");
        field(out, "kind", body.kind());
        field(out, "from", body.from());
        field(out, "nick", body.nick());
        field(out, "text", body.text());
        field(out, "id", body.id());
        if (body.ts() != 0) {
            out.append(out.length() > 1 ? "," : "").append("\"ts\":").append(body.ts());
        }
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        if (out.length() > 1) {
            out.append(',');
        }
        out.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = c < 0x20 || c == '"' || c == '\'' || c == '\\' || c == ';' || c == 0x7f
                    || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
            if (escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /**
     * Reads the {@code data} of a comet frame: a JSON object in the convention (also after
     * CppComet's escaping of browser-published text), or anything else as plain text (kind null,
     * the whole data as text).
     */
    public static WebBody decode(String data) {
        JsonNode node = parse(data);
        if (node == null) {
            // CppComet SQL-escapes what browsers publish with web_pipe2 (spec §I.4.4): undo it as
            // the reference JS client does, then try again.
            node = parse(stripSlashes(data));
        }
        if (node == null) {
            return new WebBody(null, null, null, data, null, 0);
        }
        if (!node.isObject()) {
            return new WebBody(null, null, null, node.isTextual() ? node.textValue() : data, null, 0);
        }
        return new WebBody(string(node, "kind"), string(node, "from"), string(node, "nick"), string(node, "text"),
                string(node, "id"), node.path("ts").asLong(0));
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code \x} becomes {@code x}. */
    static String stripSlashes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString();
    }
}
