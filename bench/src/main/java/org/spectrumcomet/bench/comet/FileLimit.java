package org.spectrumcomet.bench.comet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The open-files limit this JVM (and the servers it starts, which inherit it) runs under, from
 * {@code /proc/self/limits}. Idle-connection counts are clamped below it: the server and the
 * clients each hold one descriptor per connection, plus a reserve for jars, logs and sockets.
 */
final class FileLimit {

    static final int RESERVE = 500;

    private FileLimit() {
    }

    static long openFiles() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: trust the caller
        }
        return Long.MAX_VALUE;
    }

    static int clampConnections(int wanted) {
        long limit = openFiles();
        return (int) Math.max(1, Math.min(wanted, limit - RESERVE));
    }
}
