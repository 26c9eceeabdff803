package org.spectrumcomet.backend.config;

/**
 * A config problem the backend cannot start with. The message is one line naming the file, the
 * line (when there is one) and the key, e.g.
 * {@code /etc/spectrum2/transports/x.cfg:12: service.backend_port: not an integer: "abc"};
 * the bootstrap prints it to stderr and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message.replace('\n', ' '));
    }

    public ConfigException(String message, Throwable cause) {
        super(message.replace('\n', ' '), cause);
    }

    /** A problem with a value read from {@code source} at {@code line} (0 = no line, e.g. the command line). */
    static ConfigException at(String source, int line, String key, String problem) {
        String where = line > 0 ? source + ":" + line : source;
        return new ConfigException(where + ": " + key + ": " + problem);
    }
}
