package org.spectrumcomet.bridge.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spectrumcomet.backend.config.ConfigSection;

/**
 * The {@code [comet]} keys {@code cometql} and {@code websocket} as lists of nodes: each may name
 * several endpoints, comma-separated, and the i-th CometQL endpoint belongs to the i-th WebSocket URL
 * (one comet node). One of each is the single-node form, unchanged.
 *
 * <p>Both lists must have the same length: pairing a shorter list cyclically would silently send
 * one node's statements to another node's users, and a node reachable only by WebSocket could not
 * take the CometQL publishes that failover moves to it. The same endpoint twice is refused too (a
 * node counted twice would get twice its share of users).
 */
final class CometNodeList {

    /** One node's two endpoints, trimmed, as written. */
    record Pair(String cometql, String websocket) {
    }

    private CometNodeList() {
    }

    /** The nodes in the order written; a {@link org.spectrumcomet.backend.config.ConfigException} names the key. */
    static List<Pair> pairs(ConfigSection s, String cometql, String websocket) {
        List<String> ql = split(s, "cometql", cometql);
        List<String> ws = split(s, "websocket", websocket);
        if (ql.size() != ws.size()) {
            throw s.invalid(ql.size() < ws.size() ? "cometql" : "websocket", "cometql lists " + ql.size()
                    + " endpoint(s) and websocket " + ws.size() + ": the two lists pair up by position (node i = "
                    + "i-th cometql + i-th websocket), so they must have the same length");
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < ql.size(); i++) {
            pairs.add(new Pair(ql.get(i), ws.get(i)));
        }
        return pairs;
    }

    private static List<String> split(ConfigSection s, String key, String value) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String endpoint = part.trim();
            if (endpoint.isEmpty()) {
                throw s.invalid(key, "empty endpoint in the list \"" + value.trim()
                        + "\" (write endpoints separated by single commas)");
            }
            if (!seen.add(endpoint)) {
                throw s.invalid(key, "endpoint listed twice: " + endpoint);
            }
            out.add(endpoint);
        }
        return out;
    }
}
