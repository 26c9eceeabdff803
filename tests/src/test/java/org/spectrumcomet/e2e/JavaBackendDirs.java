package org.spectrumcomet.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.spectrumcomet.conformance.JavaBackendCommand;

/** Fresh directories under {@code target/conformance/e2e} (a previous run's content is removed). */
final class JavaBackendDirs {

    private JavaBackendDirs() {
    }

    static Path fresh(String name) throws IOException {
        Path dir = JavaBackendCommand.workDir("e2e").resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
