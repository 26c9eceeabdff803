package org.spectrumcomet.backend.config;

/**
 * One value of a key and where it came from, so that errors can name file and line.
 *
 * @param value the text after {@code =}, trimmed, comment removed
 * @param source the config file path, or "command line"
 * @param line 1-based line number, or 0 for the command line
 */
record ConfigValue(String value, String source, int line) {

    ConfigValue withValue(String newValue) {
        return new ConfigValue(newValue, source, line);
    }
}
