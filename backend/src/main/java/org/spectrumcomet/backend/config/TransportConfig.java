package org.spectrumcomet.backend.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transport config as the backend sees it: the file's values with command-line overrides
 * ({@code --section.key=value}, {@code -j JID} as {@code service.jid}) winning over the file, and
 * {@code $jid} replaced in the keys the main registers. Immutable.
 *
 * <pre>
 *   TransportConfig config = TransportConfig.load(path, overrides);
 *   String url = config.section("comet").getString("cometql", "127.0.0.1:3300");
 * </pre>
 */
public final class TransportConfig {

    private final Path file;
    private final Map<String, List<ConfigValue>> values;

    TransportConfig(Path file, Map<String, List<ConfigValue>> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Reads {@code file} and applies {@code overrides} (full keys such as {@code service.jid}).
     *
     * @throws ConfigException when the file is missing or unreadable, or a line is not INI
     */
    public static TransportConfig load(Path file, Map<String, String> overrides) {
        return TransportConfigReader.read(file, overrides);
    }

    /** A config with only the given values (full keys), for tests and embedded use. */
    public static TransportConfig of(Map<String, String> values) {
        return TransportConfigReader.fromOverrides(Path.of("(in memory)"), values);
    }

    /** The file the values came from. */
    public Path file() {
        return file;
    }

    /** Typed access to one section; a section that is not in the file is empty, not an error. */
    public ConfigSection section(String name) {
        return new ConfigSection(file.toString(), name, values);
    }

    /** {@code [service]}: jid, backend_id, working_dir, … */
    public ConfigSection service() {
        return section("service");
    }

    /** {@code [backend]}: default_avatar, avatars_directory, no_vcard_fetch, … */
    public ConfigSection backend() {
        return section("backend");
    }

    /** {@code [logging]}: backend_config, level, file (see {@link org.spectrumcomet.backend.logging.BackendLogging}). */
    public ConfigSection logging() {
        return section("logging");
    }

    /** {@code service.jid}, or "" when not set. */
    public String jid() {
        return service().getString("jid", "");
    }
}
