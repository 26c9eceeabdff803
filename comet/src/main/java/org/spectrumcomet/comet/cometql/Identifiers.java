package org.spectrumcomet.comet.cometql;

/** Table and column names as CometQL reads them (§I.3.1: lower case, optionally quoted). */
final class Identifiers {
    private Identifiers() {
    }

    /** Drops one pair of surrounding backticks or double quotes; the case is kept (it matters). */
    static String unquote(String name) {
        if (name.length() >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(name.length() - 1);
            if ((first == '`' || first == '"') && first == last) {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }
}
