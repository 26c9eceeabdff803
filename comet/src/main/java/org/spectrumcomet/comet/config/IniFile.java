package org.spectrumcomet.comet.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed INI file: {@code [section]} headers, {@code key = value} lines, full-line comments
 * starting with {@code #} or {@code ;}, blank lines. Keys and section names are case-sensitive
 * and kept in file order; values are trimmed; a value may be empty. No escapes, no continuation
 * lines, no inline comments (a key may legitimately contain {@code #}). A key repeated in one
 * section, a key before any section, or any other line is a syntax error naming file and line.
 */
public final class IniFile {

    /** A value with the line it came from, so later validation can point at it. */
    public record Entry(String value, int line) {
    }

    private static final Pattern SECTION = Pattern.compile("\\[\\s*([A-Za-z0-9_.-]+)\\s*]");
    private static final Pattern KEY_VALUE = Pattern.compile("([^=\\s][^=]*?)\\s*=(.*)");

    private final String name;
    private final Map<String, Map<String, Entry>> sections;
    private final Map<String, Integer> sectionLines;

    private IniFile(String name, Map<String, Map<String, Entry>> sections, Map<String, Integer> sectionLines) {
        this.name = name;
        this.sections = sections;
        this.sectionLines = sectionLines;
    }

    /** @throws ConfigException when unreadable or malformed */
    public static IniFile read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(path.toString(), reader);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
    }

    public static IniFile parse(String name, Reader source) throws IOException {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        Map<String, Entry> current = null;
        BufferedReader lines = new BufferedReader(source);
        int number = 0;
        for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
            number++;
            String line = raw.strip();
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                String title = section.group(1);
                if (sections.containsKey(title)) {
                    throw ConfigException.at(name, number, "section [" + title + "] appears twice (first at line "
                            + sectionLines.get(title) + ")");
                }
                current = new LinkedHashMap<>();
                sections.put(title, current);
                sectionLines.put(title, number);
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches()) {
                throw ConfigException.at(name, number, "expected '[section]' or 'key = value', got '" + line + "'");
            }
            if (current == null) {
                throw ConfigException.at(name, number, "'" + kv.group(1) + "' is outside any [section]");
            }
            String key = kv.group(1).strip();
            Entry previous = current.putIfAbsent(key, new Entry(kv.group(2).strip(), number));
            if (previous != null) {
                throw ConfigException.at(name, number, "key '" + key + "' repeated (first at line "
                        + previous.line() + ")");
            }
        }
        return new IniFile(name, sections, sectionLines);
    }

    public String name() {
        return name;
    }

    /** The section's entries in file order; empty when the section is absent. */
    public Map<String, Entry> section(String title) {
        Map<String, Entry> entries = sections.get(title);
        return entries == null ? Map.of() : Collections.unmodifiableMap(entries);
    }

    public Iterable<String> sectionNames() {
        return sections.keySet();
    }

    public int lineOf(String section) {
        return sectionLines.getOrDefault(section, 0);
    }
}
