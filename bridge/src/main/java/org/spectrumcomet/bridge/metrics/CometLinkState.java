package org.spectrumcomet.bridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this backend process can reach comet, as one state for operators: the "comet link".
 *
 * <p>The comet link is <b>up</b> unless one of these holds:
 * <ul>
 *   <li>CometQL is unreachable: the last CometQL statement failed on the network or could not log
 *       in (a statement the server answered with an error, a full pool or a refused name does not
 *       count); the next statement that gets an answer clears it;</li>
 *   <li>WebSocket is unreachable: no user's socket is live while at least one is reconnecting, or
 *       the last socket that tried to open could not reach comet, or the last reconnecting one was
 *       given up (closed) with none live; the next socket comet answers clears it. One user's
 *       socket dropping while others stay live is that user's problem, not the link's.</li>
 * </ul>
 * Without traffic only CometQL is watched, by {@link CometLinkProbe}'s statement when none ran for
 * a while; the WebSocket side stays what it last was (up at start).
 *
 * <p>A change is reported only once it has held for the debounce time (2 s by default): then one
 * line is logged ({@code comet link DOWN: ... (N users in grace period)} at WARN,
 * {@code comet link UP: ... (after N s)} at INFO), the {@code spectrum_comet_bridge_comet_link_up}
 * gauge flips and {@code /health} follows. Flapping faster than that logs nothing.
 * {@code spectrum_comet_bridge_reconnects_total{link="websocket"}} counts sockets restored after a
 * loss, {@code {link="cometql"}} CometQL becoming reachable again after a failure — both undebounced.
 *
 * <p>Thread-safe; every method is short and takes one lock, and never does I/O under it (the log
 * line is written after the lock is released).
 */
public final class CometLinkState {

    private static final Logger LOG = LoggerFactory.getLogger(CometLinkState.class);
    public static final Duration DEBOUNCE = Duration.ofSeconds(2);

    private final String cometql;
    private final String websocket;
    private final ScheduledExecutorService timer;
    private final long debounceNanos;
    private final Counter websocketReconnects;
    private final Counter cometqlReconnects;
    // guarded by this
    private String cometqlProblem;
    private String socketProblem;
    private String openProblem;
    private int socketsLive;
    private int socketsDown;
    private ScheduledFuture<?> pending;
    private long downSince;
    private volatile String reportedProblem;
    private volatile long lastCometqlOutcome = System.nanoTime();

    /**
     * @param cometql   {@code HOST:PORT} of CometQL, for the log line
     * @param websocket the WebSocket URL, for the log line
     * @param timer     runs the debounce check (only schedules, never blocks)
     */
    public CometLinkState(String cometql, String websocket, ScheduledExecutorService timer, Duration debounce,
                          MeterRegistry registry) {
        this.cometql = "cometql " + cometql;
        this.websocket = "websocket " + websocket;
        this.timer = timer;
        this.debounceNanos = debounce.toNanos();
        Gauge.builder(BridgeMeters.PREFIX + "comet.link.up", this, s -> s.isUp() ? 1 : 0)
                .description("1 while the comet link (CometQL and WebSockets) is up, else 0; debounced").register(registry);
        websocketReconnects = reconnects(registry, "websocket");
        cometqlReconnects = reconnects(registry, "cometql");
    }

    private static Counter reconnects(MeterRegistry registry, String link) {
        return Counter.builder(BridgeMeters.PREFIX + "reconnects").tag("link", link)
                .description("Links to comet restored after a failure").register(registry);
    }

    /** True while the (debounced) comet link is up. */
    public boolean isUp() {
        return reportedProblem == null;
    }

    /** Null while up, else why the link is down; for {@code /health}. */
    public String problem() {
        return reportedProblem;
    }

    /** When a CometQL statement last completed either way ({@link System#nanoTime}), for the idle probe. */
    public long lastCometqlOutcome() {
        return lastCometqlOutcome;
    }

    /** A CometQL statement got an answer from comet. */
    public synchronized void cometqlAnswered() {
        lastCometqlOutcome = System.nanoTime();
        if (cometqlProblem != null) {
            cometqlProblem = null;
            cometqlReconnects.increment();
            changed();
        }
    }

    /** A CometQL statement could not reach comet. */
    public synchronized void cometqlUnreachable(String why) {
        lastCometqlOutcome = System.nanoTime();
        cometqlProblem = why;
        changed();
    }

    /** A new socket, not open yet. */
    public Socket socket() {
        return new Socket();
    }

    /** One user's socket as the link state counts it. */
    public final class Socket {
        private boolean live;
        private boolean down;
        private boolean closed;

        private Socket() {
        }

        /**
         * Comet answered the socket's login (accepted or rejected: comet is reachable). Also after
         * {@link #closed}: the session may have reacted to the same answer first.
         */
        public void opened(boolean accepted) {
            synchronized (CometLinkState.this) {
                openProblem = null;
                if (accepted && !closed && !live && !down) {
                    live = true;
                    socketsLive++;
                }
                changed();
            }
        }

        /** The socket could not reach comet on its first login (counted even if already closed, as above). */
        public void unreachable(String why) {
            synchronized (CometLinkState.this) {
                openProblem = why;
                changed();
            }
        }

        /** The live socket was lost; the client reconnects. */
        public void lost(String why) {
            synchronized (CometLinkState.this) {
                if (closed || !live) {
                    return;
                }
                live = false;
                down = true;
                socketsLive--;
                socketsDown++;
                socketProblem = why;
                changed();
            }
        }

        /** The lost socket is back. */
        public void restored() {
            synchronized (CometLinkState.this) {
                if (closed || !down) {
                    return;
                }
                down = false;
                live = true;
                socketsDown--;
                socketsLive++;
                websocketReconnects.increment();
                changed();
            }
        }

        /** The socket is closed for good (logout, failure). */
        public void closed() {
            synchronized (CometLinkState.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (live) {
                    socketsLive--;
                } else if (down) {
                    socketsDown--;
                    if (socketsLive == 0) {
                        // a session giving up (grace period over) is no news that comet is back
                        openProblem = socketProblem;
                    }
                }
                live = false;
                down = false;
                changed();
            }
        }
    }

    private String rawProblem() {
        if (cometqlProblem != null) {
            return cometql + ": " + cometqlProblem;
        }
        if (socketsLive == 0 && socketsDown > 0) {
            return websocket + ": " + socketProblem;
        }
        if (socketsLive == 0 && openProblem != null) {
            return websocket + ": " + openProblem;
        }
        return null;
    }

    /** Called under the lock after any change of the raw state: (re)arms or disarms the debounce. */
    private void changed() {
        String problem = rawProblem();
        if ((problem == null) == isUp()) {
            if (problem != null) {
                reportedProblem = problem; // still down, maybe for another reason now
            }
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            return;
        }
        if (pending == null) {
            pending = timer.schedule(this::settle, debounceNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void settle() {
        String line;
        boolean down;
        synchronized (this) {
            pending = null;
            String problem = rawProblem();
            if ((problem == null) == isUp()) {
                return;
            }
            down = problem != null;
            if (down) {
                downSince = System.nanoTime();
                reportedProblem = problem;
                line = "comet link DOWN: " + problem + " (" + socketsDown + (socketsDown == 1 ? " user" : " users")
                        + " in grace period)";
            } else {
                reportedProblem = null;
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSince);
                line = "comet link UP: " + cometql + ", " + websocket + " (after " + seconds + " s)";
            }
        }
        // Logged outside the lock: a slow appender must not stall the socket event loops and session
        // threads that report to this state.
        if (down) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }
}
