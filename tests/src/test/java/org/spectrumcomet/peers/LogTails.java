package org.spectrumcomet.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of an instance's logs, for a failure message that explains itself. */
public final class LogTails {

    private static final int LINES = 25;
    private static final List<String> LOGS = List.of("spectrum2.out", "spectrum.log");

    private LogTails() {
    }

    public static String of(Path dir) {
        StringBuilder text = new StringBuilder();
        for (String name : LOGS) {
            Path log = dir.resolve(name);
            if (!Files.isReadable(log)) {
                continue;
            }
            try {
                // Lenient decoding: a log may hold any bytes a backend wrote.
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                text.append("\n--- last lines of ").append(log).append(" ---\n");
                lines.subList(Math.max(0, lines.size() - LINES), lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            } catch (IOException e) {
                text.append("\n(cannot read ").append(log).append(": ").append(e).append(")\n");
            }
        }
        return text.toString();
    }
}
