package org.spectrumcomet.backend.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Spectrum's INI dialect (boost program_options' config file parser): {@code [section]}
 * headers, {@code key = value} lines trimmed on both sides, {@code #} starting a comment anywhere
 * on a line, blank lines ignored, repeated keys kept as a list. A non-blank line that is neither a
 * header nor contains {@code =} is a syntax error, as in boost.
 */
final class TransportConfigReader {

    static final String COMMAND_LINE = "command line";

    private TransportConfigReader() {
    }

    static TransportConfig read(Path file, Map<String, String> overrides) {
        String text;
        try {
            // Lenient decoding: a stray byte in a comment must not stop the backend.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": config file not found (cwd " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config file: " + e);
        }
        Map<String, List<ConfigValue>> values = parse(file.toString(), text);
        return finish(file, values, overrides);
    }

    static TransportConfig fromOverrides(Path file, Map<String, String> overrides) {
        return finish(file, new LinkedHashMap<>(), overrides);
    }

    static Map<String, List<ConfigValue>> parse(String source, String text) {
        Map<String, List<ConfigValue>> values = new LinkedHashMap<>();
        String section = "";
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ConfigException(source + ":" + lineNo + ": bad section header: " + line);
                }
                section = line.substring(1, line.length() - 1).trim();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(source + ":" + lineNo + ": " + line
                        + ": not a 'key = value' line (boost program_options would reject it)");
            }
            String key = line.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new ConfigException(source + ":" + lineNo + ": a value without a key: " + line);
            }
            String fullKey = section.isEmpty() ? key : section + "." + key;
            values.computeIfAbsent(fullKey, k -> new ArrayList<>())
                    .add(new ConfigValue(line.substring(eq + 1).trim(), source, lineNo));
        }
        return values;
    }

    private static TransportConfig finish(Path file, Map<String, List<ConfigValue>> values, Map<String, String> overrides) {
        overrides.forEach((key, value) ->
                values.put(key, new ArrayList<>(List.of(new ConfigValue(value, COMMAND_LINE, 0)))));
        List<ConfigValue> jidValues = values.get("service.jid");
        if (jidValues != null && !jidValues.isEmpty()) {
            String jid = jidValues.get(jidValues.size() - 1).value();
            values.replaceAll((key, list) -> RegisteredKeys.isRegistered(key) && !key.equals("service.jid")
                    ? list.stream().map(v -> v.withValue(v.value().replace("$jid", jid))).toList()
                    : list);
        }
        return new TransportConfig(file, values);
    }
}
