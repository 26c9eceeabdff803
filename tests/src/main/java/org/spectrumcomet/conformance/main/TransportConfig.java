package org.spectrumcomet.conformance.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The transport config file the emulated main passes to the backend as its last argument, shaped
 * like a real Spectrum {@code .cfg}: {@code [service]} with {@code jid = localhost} and the
 * backend link settings, then any extra text (sections the backend reads, e.g. {@code [comet]}).
 */
public final class TransportConfig {

    public static final String JID = "localhost";

    private TransportConfig() {
    }

    /** Writes the config into {@code dir} and returns its path. */
    public static Path write(Path dir, String name, int port, String backendCommand, String extra) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".cfg");
        StringBuilder text = new StringBuilder()
                .append("# Written by the spectrum-comet conformance kit (emulated Spectrum main instance).\n")
                .append("[service]\n")
                .append("jid = ").append(JID).append('\n')
                .append("server = 127.0.0.1\n")
                .append("password = secret\n")
                .append("port = 5347\n")
                .append("backend_host = 127.0.0.1\n")
                .append("backend_port = ").append(port).append('\n')
                .append("backend = ").append(backendCommand.replace('\n', ' ')).append('\n')
                .append("users_per_backend = 100\n")
                .append("protocol = any\n")
                .append("\n[logging]\n")
                .append("\n[database]\n")
                .append("type = none\n");
        if (!extra.isBlank()) {
            text.append('\n').append(extra);
            if (!extra.endsWith("\n")) {
                text.append('\n');
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
