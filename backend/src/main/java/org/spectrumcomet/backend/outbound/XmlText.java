package org.spectrumcomet.backend.outbound;

/**
 * Removes what XML 1.0 cannot carry from a string bound for the main: C0 controls other than TAB,
 * LF and CR, U+FFFE, U+FFFF and unpaired surrogates. Spectrum passes strings straight to its XMPP
 * serializer, so one such character would break the user's stream (spec §11).
 */
public final class XmlText {

    private XmlText() {
    }

    /** The string without XML-illegal characters; null becomes "". Returns the same instance when clean. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        int firstBad = firstIllegal(text);
        if (firstBad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, firstBad);
        for (int i = firstBad; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (isLegalSingle(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstIllegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!isLegalSingle(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A char that is legal on its own (surrogates never are, unpaired). */
    private static boolean isLegalSingle(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
