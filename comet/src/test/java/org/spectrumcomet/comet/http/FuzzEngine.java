package org.spectrumcomet.comet.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.store.MemoryStore;

/**
 * The engine the HTTP fuzz tests run on: tenants 0 (key {@code k0}) and 5 ({@code k5}) over a
 * memory store, with engine work run inline on the test thread. Renewed every
 * {@code inputsPerEngine} inputs, so that what a long campaign builds up stays bounded.
 */
final class FuzzEngine implements AutoCloseable {

    private final int inputsPerEngine;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor();
    private LocalCometEngine engine;
    private World world;
    private int inputs;

    FuzzEngine(int inputsPerEngine) {
        this.inputsPerEngine = inputsPerEngine;
        renew();
    }

    /** Counts one input; true when the engine and world were renewed for it. */
    boolean nextInput() {
        if (++inputs > inputsPerEngine) {
            renew();
            return true;
        }
        return false;
    }

    LocalCometEngine engine() {
        return engine;
    }

    World world() {
        return world;
    }

    /** Ordered tasks that run at once on the caller (the test thread is the EmbeddedChannel's event loop). */
    OrderedTasks tasks() {
        return new OrderedTasks(new Inline(), retry);
    }

    @Override
    public void close() {
        engine.close();
        retry.shutdownNow();
    }

    private void renew() {
        if (engine != null) {
            engine.close();
        }
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", "k0", "5", "k5")), new MemoryStore());
        world = new World();
        inputs = 0;
    }

    private static final class Inline extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
