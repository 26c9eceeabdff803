package org.spectrumcomet.comet.cometql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads JSqlParser parses on. {@code CCJSqlParserUtil.parse(String)} runs every parse on a
 * new single-thread executor (its guard against runaway parses is a timeout on that thread) —
 * one thread started per CometQL statement, which capped INSERTs at ~1,000/s per connection
 * (bench comet, JFR: 21,721 thread starts in 15 s). Here the guard stays and the threads are
 * reused.
 *
 * <p>Bound: at most {@value #MAX_THREADS} parses at once (callers are the server's blocking
 * threads, 16 by default); a parse beyond that is rejected and its statement answered as a
 * syntax error. Idle threads end after 60 s; all are daemons.
 */
final class ParserThreads {

    static final int MAX_THREADS = 64;

    private static final AtomicInteger NEXT = new AtomicInteger();

    static final ExecutorService EXECUTOR = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "cometql-parser-" + NEXT.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private ParserThreads() {
    }
}
