package org.spectrumcomet.bench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.bench.comet.target.OurCometServer;

/**
 * The servers of one measured topology: the embedded single node ({@code bin/comet-server}, no
 * Redis: the baseline), or a fresh {@code redis-server} and N {@code bin/comet-server --redis}
 * nodes on it. A fresh Redis each time, so no topology inherits another's keys. Closing stops the
 * nodes, then Redis, each by PID; a start that fails stops what had started.
 */
final class Topology implements AutoCloseable {

    static final String EMBEDDED = "embedded (no Redis)";

    private final String name;
    private final RedisProcess redis;
    private final List<OurCometServer> nodes;

    private Topology(String name, RedisProcess redis, List<OurCometServer> nodes) {
        this.name = name;
        this.redis = redis;
        this.nodes = List.copyOf(nodes);
    }

    static Topology embedded(Path root, Path work, String javaOpts) throws IOException {
        return new Topology(EMBEDDED, null, List.of(OurCometServer.start("embedded", root, work.resolve("embedded"),
                javaOpts, List.of())));
    }

    static Topology onRedis(int count, Path root, Path work, String javaOpts) throws IOException, InterruptedException {
        Path dir = work.resolve("redis-" + count);
        RedisProcess redis = RedisProcess.start(dir.resolve("redis"));
        List<OurCometServer> nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                nodes.add(OurCometServer.start("node " + i, root, dir.resolve("node-" + i), javaOpts,
                        List.of("--redis", redis.address())));
            }
            return new Topology(name(count), redis, nodes);
        } catch (IOException | RuntimeException e) {
            nodes.forEach(OurCometServer::close);
            redis.close();
            throw e;
        }
    }

    /** The row label of a network of {@code count} nodes on one Redis. */
    static String name(int count) {
        return count + (count == 1 ? " node" : " nodes") + " on one Redis";
    }

    String name() {
        return name;
    }

    List<OurCometServer> nodes() {
        return nodes;
    }

    @Override
    public void close() throws InterruptedException {
        nodes.forEach(OurCometServer::close);
        if (redis != null) {
            redis.close();
        }
    }
}
