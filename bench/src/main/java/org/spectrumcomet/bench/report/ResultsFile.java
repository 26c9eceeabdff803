package org.spectrumcomet.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a report is kept: {@code <repo>/bench/results/<name>-<yyyyMMdd-HHmmss>.md}. The repository
 * root comes from the {@code spectrumcomet.root} system property ({@code bin/bench} sets it);
 * without it, the nearest directory upwards from the working directory that holds
 * {@code bench/pom.xml}.
 */
public final class ResultsFile {

    public static final String ROOT_PROPERTY = "spectrumcomet.root";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ResultsFile() {
    }

    /** The default results directory of this checkout. */
    public static Path defaultDirectory() {
        return repositoryRoot().resolve("bench").resolve("results");
    }

    public static Path repositoryRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("bench").resolve("pom.xml"))) {
                return at;
            }
        }
        return dir;
    }

    /** The file name for benchmark {@code name} run at {@code when}. */
    public static String fileName(String name, ZonedDateTime when) {
        return name + "-" + when.format(STAMP) + ".md";
    }

    /** Writes {@code markdown} to {@code directory/<name>-<stamp>.md}, creating the directory. */
    public static Path write(Path directory, String name, ZonedDateTime when, String markdown) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName(name, when));
            Files.writeString(file, markdown);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results under " + directory, e);
        }
    }
}
