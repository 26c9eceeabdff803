package org.spectrumcomet.comet.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON comet API's "world": every authenticated JSON-API connection per tenant, for
 * {@code DumpSession}. Every such connection is also subscribed to the reserved pipe
 * {@link #PIPE}, so a Broadcast with an empty {@code rid} is an engine publish to that pipe
 * (CppComet-protocol clients may subscribe to it too and then see world broadcasts).
 */
public final class World {

    /** The reserved pipe every JSON-API connection joins ({@code comet_} is a reserved prefix). */
    public static final String PIPE = "comet_world";

    private final Map<String, Set<SubscribeConnection>> byTenant = new ConcurrentHashMap<>();

    void add(String tenant, SubscribeConnection connection) {
        byTenant.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(String tenant, SubscribeConnection connection) {
        Set<SubscribeConnection> set = byTenant.get(tenant);
        if (set != null) {
            set.remove(connection);
        }
    }

    /** A snapshot of the tenant's connections. */
    List<SubscribeConnection> of(String tenant) {
        return new ArrayList<>(byTenant.getOrDefault(tenant, Set.of()));
    }
}
