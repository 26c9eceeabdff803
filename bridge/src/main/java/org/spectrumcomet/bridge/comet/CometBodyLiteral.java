package org.spectrumcomet.bridge.comet;

/**
 * A {@link CometBody} written straight as a CometQL literal: the same text as
 * {@code CometQlLiteral.ofJson(CometBodyCodec.toJson(body))} (same fields, order and escapes),
 * without building a JSON tree, writing it and re-scanning the result — that chain was the
 * bridge's hottest frame for every message it sends.
 */
public final class CometBodyLiteral {

    private CometBodyLiteral() {
    }

    /** The body's CometQL literal, quotes included. */
    public static String of(CometBody body) {
        StringBuilder out = new StringBuilder(48 + body.text().length() + (body.nick() == null ? 0 : body.nick().length()));
        out.append("'{");
        boolean first = true;
        if (body.kind() != CometBody.Kind.TEXT) {
            first = field(out, first, "kind", body.kind().wire());
        }
        first = field(out, first, "from", body.from());
        first = field(out, first, "nick", body.nick());
        if (body.kind() == CometBody.Kind.TEXT || body.kind() == CometBody.Kind.SUBJECT || !body.text().isEmpty()) {
            first = field(out, first, "text", body.text());
        }
        first = field(out, first, "id", body.id());
        if (body.ts() != 0) {
            out.append(first ? "" : ",").append("\"ts\":").append(body.ts());
            first = false;
        }
        field(out, first, "ref", body.ref());
        return out.append("}'").toString();
    }

    /** Appends {@code "name":"value"} unless {@code value} is null; false once anything was written. */
    private static boolean field(StringBuilder out, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        if (!first) {
            out.append(',');
        }
        out.append('"').append(name).append("\":\"");
        CometQlLiteral.appendSafe(value, out);
        out.append('"');
        return false;
    }
}
