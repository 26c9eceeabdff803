package org.spectrumcomet.backend.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the keys of one section. When a key is given more than once, single-value
 * getters return the last value (as later lines override earlier ones) and {@link #getList}
 * returns all of them. Every conversion error is a {@link ConfigException} naming file, line and key.
 */
public final class ConfigSection {

    private final String file;
    private final String name;
    private final Map<String, List<ConfigValue>> values;

    ConfigSection(String file, String name, Map<String, List<ConfigValue>> values) {
        this.file = file;
        this.name = name;
        this.values = values;
    }

    public String name() {
        return name;
    }

    public boolean has(String key) {
        return values.containsKey(fullKey(key));
    }

    /** The keys of this section (without the section prefix), in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String prefix = name + ".";
        for (String full : values.keySet()) {
            if (full.startsWith(prefix)) {
                keys.add(full.substring(prefix.length()));
            }
        }
        return keys;
    }

    public String getString(String key, String defaultValue) {
        return last(key).map(ConfigValue::value).orElse(defaultValue);
    }

    /** @throws ConfigException when the key is absent */
    public String requireString(String key) {
        return last(key).map(ConfigValue::value)
                .orElseThrow(() -> new ConfigException(file + ": " + fullKey(key) + ": missing required key"));
    }

    public Optional<String> findString(String key) {
        return last(key).map(ConfigValue::value);
    }

    /** @throws ConfigException when the value is not a decimal integer */
    public int getInt(String key, int defaultValue) {
        Optional<ConfigValue> v = last(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().value().trim());
        } catch (NumberFormatException e) {
            throw problem(v.get(), key, "not an integer: \"" + v.get().value() + "\"");
        }
    }

    /** @throws ConfigException when the value is not 1/0/true/false/yes/no/on/off */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<ConfigValue> v = last(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        Boolean parsed = ConfigBoolean.parse(v.get().value());
        if (parsed == null) {
            throw problem(v.get(), key, "not a boolean (1/0/true/false/yes/no/on/off): \"" + v.get().value() + "\"");
        }
        return parsed;
    }

    /** Every value given for the key, in order; empty when absent. */
    public List<String> getList(String key) {
        List<ConfigValue> list = values.get(fullKey(key));
        if (list == null) {
            return List.of();
        }
        return list.stream().map(ConfigValue::value).toList();
    }

    /** A ConfigException for a value of this section that the backend itself finds invalid. */
    public ConfigException invalid(String key, String problem) {
        return last(key).map(v -> problem(v, key, problem))
                .orElseGet(() -> new ConfigException(file + ": " + fullKey(key) + ": " + problem));
    }

    private Optional<ConfigValue> last(String key) {
        List<ConfigValue> list = values.get(fullKey(key));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    private ConfigException problem(ConfigValue v, String key, String problem) {
        return ConfigException.at(v.source(), v.line(), fullKey(key), problem);
    }

    private String fullKey(String key) {
        return name.isEmpty() ? key : name + "." + key;
    }
}
