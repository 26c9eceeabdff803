package org.spectrumcomet.backend.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The transport config reader ({@link TransportConfigReader} behind {@link TransportConfig#load})
 * on arbitrary file contents, then every typed getter on every key it found. The input is the file.
 *
 * <p>Invariant: the file is parsed, or a {@link ConfigException} says {@code <file>:<line>: ...} on
 * one line; a value a getter cannot convert is a ConfigException {@code <file>:<line>: <key>: ...};
 * nothing else is thrown.
 */
class TransportConfigFuzzTest {

    private static Path dir;
    private static Path file;
    private static Pattern fileLine;

    @BeforeAll
    static void createFile() throws IOException {
        dir = Files.createTempDirectory("transport-config-fuzz");
        file = dir.resolve("spectrum.cfg");
        fileLine = Pattern.compile(Pattern.quote(file.toString()) + ":[1-9][0-9]*: .*", Pattern.DOTALL);
    }

    @AfterAll
    static void removeFile() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @FuzzTest
    void readsArbitraryFiles(byte[] input) throws IOException {
        Files.write(file, input);
        TransportConfig config;
        try {
            config = TransportConfig.load(file, Map.of());
        } catch (ConfigException e) {
            assertOneLine(e);
            assertThat(e.getMessage()).matches(fileLine);
            return;
        }
        config.jid();
        // Every key the file holds, read through the public getters of its section.
        String text = new String(input, StandardCharsets.UTF_8);
        for (String fullKey : TransportConfigReader.parse(file.toString(), text).keySet()) {
            int dot = fullKey.indexOf('.');
            String name = dot < 0 ? "" : fullKey.substring(0, dot);
            ConfigSection section = config.section(name);
            String key = dot < 0 ? fullKey : fullKey.substring(dot + 1);
            // What the section looks up (".x" in the unnamed section reads "x": no section is named "").
            String lookedUp = name.isEmpty() ? key : name + "." + key;
            section.getString(key, "");
            section.getList(key);
            Pattern named = Pattern.compile(Pattern.quote(file + ":") + "[1-9][0-9]*: " + Pattern.quote(lookedUp + ": ")
                    + ".*", Pattern.DOTALL);
            try {
                section.getInt(key, 0);
            } catch (ConfigException e) {
                assertOneLine(e);
                assertThat(e.getMessage()).matches(named);
            }
            try {
                section.getBoolean(key, false);
            } catch (ConfigException e) {
                assertOneLine(e);
                assertThat(e.getMessage()).matches(named);
            }
        }
    }

    private static void assertOneLine(ConfigException e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
    }
}
