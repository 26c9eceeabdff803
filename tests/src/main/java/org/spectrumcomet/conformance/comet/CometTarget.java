package org.spectrumcomet.conformance.comet;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a comet server listens and which tenant the tests use.
 *
 * @param host the listeners' host (loopback in tests)
 * @param cometqlPort the CometQL (MySQL wire) port
 * @param wsPort the WebSocket port
 * @param tenantId the tenant (dev_id)
 * @param tenantKey the tenant's key (CometQL password); no quotes or backslashes (the bridge refuses them)
 */
public record CometTarget(String host, int cometqlPort, int wsPort, int tenantId, String tenantKey) {

    private static final Pattern HOST_PORT = Pattern.compile("([^:\\s]+):(\\d{1,5})");
    private static final Pattern TENANT = Pattern.compile("(\\d{1,9}):([^'\\\\\\s]+)");

    public CometTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tenantKey, "tenantKey");
    }

    /**
     * From the command line's {@code HOST:PORT}, {@code HOST:PORT}, {@code ID:KEY}.
     *
     * @throws IllegalArgumentException naming the malformed value
     */
    public static CometTarget parse(String cometql, String ws, String tenant) {
        Matcher q = match(HOST_PORT, cometql, "--comet-cometql", "HOST:PORT");
        Matcher w = match(HOST_PORT, ws, "--comet-ws", "HOST:PORT");
        Matcher t = match(TENANT, tenant, "--comet-tenant", "ID:KEY (a key without quotes, backslashes or spaces)");
        if (!q.group(1).equals(w.group(1))) {
            throw new IllegalArgumentException("--comet-cometql and --comet-ws must name the same host");
        }
        return new CometTarget(q.group(1), Integer.parseInt(q.group(2)), Integer.parseInt(w.group(2)),
                Integer.parseInt(t.group(1)), t.group(2));
    }

    private static Matcher match(Pattern p, String value, String option, String expected) {
        Matcher m = p.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + value + "': expected " + expected);
        }
        return m;
    }

    /** The CometQL login name: {@code root} for tenant 0 (as PHP sites use it), else the dev_id. */
    public String cometqlUser() {
        return tenantId == 0 ? "root" : Integer.toString(tenantId);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + cometqlPort
                + "/CometQL_v1?jdbcCompliantTruncation=false&connectTimeout=5000&socketTimeout=5000";
    }

    /** The WebSocket URL of user {@code id} with {@code key}, laid out as CometServerApi.js does. */
    public String socketUrl(long id, String key, String uuid) {
        return "ws://" + host + ":" + wsPort + "/ws/sesion=" + key + "&myid=" + id + "&devid=" + tenantId
                + "&v=4.09&uuid=" + uuid + "&api=js";
    }
}
