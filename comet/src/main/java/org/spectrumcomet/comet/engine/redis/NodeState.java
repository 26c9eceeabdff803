package org.spectrumcomet.comet.engine.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;

/** This node's id and its connections, per tenant. */
final class NodeState {

    private final String node;
    private final Map<String, NodeConnections> tenants = new ConcurrentHashMap<>();

    NodeState(String node) {
        this.node = node;
    }

    String node() {
        return node;
    }

    NodeConnections of(String tenant) {
        return tenants.computeIfAbsent(tenant, t -> new NodeConnections());
    }

    void forEach(BiConsumer<String, NodeConnections> action) {
        tenants.forEach(action);
    }

    /** Hands a frame to every attached connection of the node; returns how many. Never blocks. */
    int tellEveryone(CometEvent notice) {
        int told = 0;
        for (NodeConnections connections : tenants.values()) {
            for (Session session : connections.snapshot().keySet()) {
                session.connection().deliver(notice);
                told++;
            }
        }
        return told;
    }
}
