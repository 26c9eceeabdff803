package org.spectrumcomet.comet.config;

/**
 * The configuration is wrong. The message is one line meant for the operator: it names the file
 * and line ({@code comet.ini:12: ...}) or the command-line flag at fault.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    static ConfigException at(String file, int line, String message) {
        return new ConfigException(file + ":" + line + ": " + message);
    }
}
