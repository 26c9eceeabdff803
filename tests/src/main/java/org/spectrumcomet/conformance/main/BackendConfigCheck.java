package org.spectrumcomet.conformance.main;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks BACKEND_CONFIG text the way Spectrum parses it (boost program_options' INI reader). Spectrum
 * does not catch the parser's exceptions, so each problem found here would terminate the real main:
 * a line that is neither a {@code [section]} nor {@code key=value}, an invalid boolean for a key
 * the main registers, or one key given twice (only {@code registration.extraField} may repeat).
 * {@code #} starts a comment anywhere on a line.
 */
public final class BackendConfigCheck {

    /** The boolean keys the main registers for backend config. */
    static final Set<String> BOOLEAN_KEYS = Set.of(
            "registration.needPassword", "registration.needRegistration",
            "features.muc", "features.receipts", "features.rawxml",
            "features.disable_jid_escaping", "features.send_buddies_on_login");

    private static final Set<String> BOOLEAN_VALUES = Set.of("", "1", "0", "true", "false", "yes", "no", "on", "off");
    private static final String REPEATABLE = "registration.extraField";

    private BackendConfigCheck() {
    }

    /** Every problem in {@code config}, each naming its line; empty when Spectrum would accept it. */
    public static List<String> problems(String config) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String section = "";
        String[] lines = config.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + (i + 1) + " '" + lines[i].strip() + "'";
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    problems.add(where + ": malformed section header");
                } else {
                    section = line.substring(1, line.length() - 1).strip() + ".";
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(where + ": no '=' (not key=value)");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) {
                problems.add(where + ": empty key");
                continue;
            }
            String value = line.substring(eq + 1).strip();
            // Option names are case-sensitive in boost; values of booleans are not.
            String full = section + key;
            if (!seen.add(full) && !full.equals(REPEATABLE)) {
                problems.add(where + ": key " + full + " given twice");
            }
            if (BOOLEAN_KEYS.contains(full) && !BOOLEAN_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
                problems.add(where + ": '" + value + "' is not a boolean (1/0/true/false/yes/no/on/off)");
            }
        }
        return problems;
    }
}
