package org.spectrumcomet.bench.comet;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.comet.load.LoadClients;
import org.spectrumcomet.bench.comet.load.UpgradeRequest;
import org.spectrumcomet.bench.comet.target.ServerUnderTest;
import org.spectrumcomet.bench.report.MemoryProbe;

/**
 * Measurement (a): idle CppComet WebSockets held by one server, and its memory per connection.
 * Each client is anonymous and subscribed to one of {@value #PIPES} pipes (an idle page that
 * listens, as CppComet's own load test had). Memory is read before the first connection and
 * after the last one is up plus a settling pause: heap after full GC (jcmd; JVMs only) and RSS
 * summed over the server's processes.
 */
final class IdleConnections {

    static final int PIPES = 100;

    private final BenchSettings settings;

    IdleConnections(BenchSettings settings) {
        this.settings = settings;
    }

    MemoryPerConnection measure(ServerUnderTest server, int connections) throws InterruptedException {
        long heapBefore = heap(server);
        long rssBefore = rss(server);
        try (LoadClients clients = new LoadClients(settings.clientThreads(), settings.sources())) {
            int opened = 0;
            // one pipe per slice of clients, so the server holds PIPES subscription sets
            int slice = Math.max(1, (connections + PIPES - 1) / PIPES);
            for (int pipe = 0; opened < connections && pipe < PIPES; pipe++) {
                int count = Math.min(slice, connections - opened);
                opened += clients.open(server.ws(), count, "idle_" + pipe, () -> UpgradeRequest.anonymousPath("0"),
                        120, TimeUnit.SECONDS);
            }
            // settle: late handshakes and subscription work finish before memory is read
            Thread.sleep(Math.min(2000, Math.max(200, settings.measure().toMillis())));
            int held = clients.connected();
            long heapAfter = heap(server);
            long rssAfter = rss(server);
            if (held == 0) {
                throw new IllegalStateException(server.name() + " held no idle connection; last failure: "
                        + clients.lastFailure());
            }
            double heapPer = server.jvm() ? (heapAfter - heapBefore) / (double) held : Double.NaN;
            return new MemoryPerConnection(held, heapPer, (rssAfter - rssBefore) / (double) held);
        }
    }

    private static long heap(ServerUnderTest server) {
        if (!server.jvm()) {
            return 0;
        }
        OptionalLong heap = MemoryProbe.heapAfterFullGc(server.pids().get(0));
        if (heap.isEmpty()) {
            throw new IllegalStateException("jcmd could not read the heap of " + server.name());
        }
        return heap.getAsLong();
    }

    private static long rss(ServerUnderTest server) {
        long sum = 0;
        for (long pid : server.pids()) {
            sum += MemoryProbe.rssBytes(pid).orElse(0);
        }
        return sum;
    }
}
