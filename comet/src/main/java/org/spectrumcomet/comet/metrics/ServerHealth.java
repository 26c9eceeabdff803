package org.spectrumcomet.comet.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.spectrumcomet.comet.engine.EngineVitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness of one comet server for {@code GET /health}: up only when every listener registered
 * here is bound and the store answers ({@link EngineVitals#checkStore}). The store is asked at
 * most once per {@link #STORE_CACHE_NANOS}, by one caller at a time. Callers run
 * {@link #report} off the event loop (the store check blocks up to the store's timeout).
 *
 * <pre>
 * {"status":"up","components":{"cometql":{"status":"up"},"ws":{"status":"up"},
 *  "store":{"status":"up","kind":"sqlite"}}}
 * {"status":"down","components":{..., "store":{"status":"down","kind":"redis","error":"Redis unreachable: ..."}}}
 * </pre>
 */
public final class ServerHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ServerHealth.class);
    /** How long a store answer is reused: /health stays cheap under frequent probes. */
    static final long STORE_CACHE_NANOS = 1_000_000_000L;

    /** A health answer: overall state and its JSON body. */
    public record Report(boolean up, String json) {
    }

    private record StoreReading(long at, String error) {
    }

    private final EngineVitals vitals;
    private final String storeKind;
    private final Map<String, BooleanSupplier> listeners = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> lastState = new ConcurrentHashMap<>();
    private final ReentrantLock checking = new ReentrantLock();
    private volatile StoreReading store;

    /** @param storeKind what the store is, shown in the report ({@code sqlite}, {@code memory}, {@code redis}) */
    public ServerHealth(EngineVitals vitals, String storeKind) {
        this.vitals = vitals;
        this.storeKind = storeKind;
    }

    /** Adds a listener that must be bound for the server to be up. */
    public void listener(String name, BooleanSupplier bound) {
        listeners.put(name, bound);
    }

    /** Checks everything now (the store at most once a second). Blocks: never on an event loop. */
    public Report report() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        ObjectNode components = json.objectNode();
        boolean up = !listeners.isEmpty();
        for (Map.Entry<String, BooleanSupplier> listener : listeners.entrySet()) {
            boolean bound = listener.getValue().getAsBoolean();
            up &= bound;
            ObjectNode state = components.putObject(listener.getKey()).put("status", bound ? "up" : "down");
            if (!bound) {
                state.put("error", "listener not bound");
            }
            changed(listener.getKey(), bound, "listener not bound");
        }
        String storeError = storeError();
        up &= storeError == null;
        ObjectNode storeState = components.putObject("store").put("status", storeError == null ? "up" : "down")
                .put("kind", storeKind);
        if (storeError != null) {
            storeState.put("error", storeError);
        }
        changed("store", storeError == null, storeError);
        body.put("status", up ? "up" : "down");
        body.set("components", components);
        return new Report(up, body.toString());
    }

    /**
     * The store's state: the cached answer while it is fresh; else one caller asks the store and
     * the callers arriving meanwhile take the previous answer instead of waiting (a store that
     * hangs for its whole timeout ties up one executor thread, not one per probe).
     */
    private String storeError() {
        StoreReading last = store;
        if (last != null && System.nanoTime() - last.at() < STORE_CACHE_NANOS) {
            return last.error();
        }
        if (last != null && !checking.tryLock()) {
            return last.error();
        }
        if (last == null) {
            checking.lock(); // the very first answer: nothing to fall back on
        }
        try {
            StoreReading now = store;
            if (now != last && now != null) {
                return now.error(); // another caller just asked
            }
            String error = null;
            try {
                vitals.checkStore();
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            store = new StoreReading(System.nanoTime(), error);
            return error;
        } finally {
            checking.unlock();
        }
    }

    /** One log line per change of a component's state, naming it. */
    private void changed(String component, boolean up, String why) {
        Boolean before = lastState.put(component, up);
        if (before != null && before != up) {
            if (up) {
                LOG.info("health: {} is up again", component);
            } else {
                LOG.warn("health: {} is down: {}", component, why);
            }
        }
    }
}
