package org.spectrumcomet.backend.config;

import java.util.Locale;

/** Booleans as boost program_options reads them: 1/0, true/false, yes/no, on/off, any case. */
final class ConfigBoolean {

    private ConfigBoolean() {
    }

    /** The boolean, or null when the text is none of the accepted forms. */
    static Boolean parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on":
                return Boolean.TRUE;
            case "0", "false", "no", "off":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
