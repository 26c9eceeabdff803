package org.spectrumcomet.comet.engine.local;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.spectrumcomet.comet.engine.Tenants;

/**
 * Tenants fixed at start-up ({@code [tenants]} of comet.ini, {@code --tenant}): dev_id → key.
 * A dev_id is a decimal number of at most 9 digits, written without leading zeros internally
 * ({@code 007} and {@code 7} are the same tenant); CometQL's login name {@code root} is dev_id 0.
 */
public final class ConfiguredTenants implements Tenants {

    private static final Pattern DEV_ID = Pattern.compile("[0-9]{1,9}");

    private final Map<String, String> keys;

    /** @throws IllegalArgumentException for a dev_id that is not 1–9 digits or an empty key */
    public ConfiguredTenants(Map<String, String> keysByDevId) {
        Map<String, String> normalised = new TreeMap<>();
        keysByDevId.forEach((devId, key) -> {
            String id = normalise(devId).orElseThrow(() -> new IllegalArgumentException(
                    "tenant id '" + devId + "' must be a decimal number of at most 9 digits"));
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("tenant " + id + " has an empty key");
            }
            if (normalised.put(id, key) != null) {
                throw new IllegalArgumentException("tenant " + id + " is configured twice");
            }
        });
        this.keys = Collections.unmodifiableMap(normalised);
    }

    /** A dev_id in canonical form, or empty when the text is not 1–9 decimal digits. */
    public static Optional<String> normalise(String devId) {
        if (devId == null || !DEV_ID.matcher(devId).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.toString(Long.parseLong(devId)));
    }

    @Override
    public Optional<String> devIdOf(String loginName) {
        if ("root".equals(loginName)) {
            return Optional.of("0");
        }
        return normalise(loginName);
    }

    @Override
    public Optional<String> key(String devId) {
        return normalise(devId).map(keys::get);
    }

    /** The configured dev_ids, ascending as text. */
    public java.util.Set<String> devIds() {
        return keys.keySet();
    }

    public int size() {
        return keys.size();
    }
}
