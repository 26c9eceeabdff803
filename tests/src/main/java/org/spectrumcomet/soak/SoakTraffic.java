package org.spectrumcomet.soak;

import java.util.Arrays;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;

/**
 * Sends the soak's mixed traffic at a fixed aggregate rate on one thread: message {@code k} is
 * intended for {@code start + k / rate}; when the sender falls behind it catches up in a burst and
 * the delay shows as latency (measured from the intended time), not as a lower rate. Frames to the
 * backend are written at once (non-blocking); CometQL inserts, which block, go to a small pool with
 * its own connections ({@link SiteSender}, no retries) — a bounded queue ({@value #QUEUE}); when it is full the sender runs the
 * insert itself and so slows down, which again shows as latency.
 */
public final class SoakTraffic implements Runnable {

    private static final int QUEUE = 10_000;
    private static final int COMETQL_THREADS = 4;
    private static final StatusType[] STATUSES = {StatusType.STATUS_AWAY, StatusType.STATUS_DND,
        StatusType.STATUS_XA, StatusType.STATUS_ONLINE};

    private final SoakLayout layout;
    private final SoakChain chain;
    private final SoakPopulation population;
    private final Ledger ledger;
    private final SoakChurn churn;
    private final Random random;
    private final long periodNanos;
    private final long endNanos;
    private final ThreadPoolExecutor cometqlPool;
    private final ThreadLocal<SiteSender> cometqlLink;
    private final Queue<SiteSender> links = new ConcurrentLinkedQueue<>();
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile boolean stopped;
    private volatile String lastFailure;

    public SoakTraffic(SoakLayout layout, SoakChain chain, SoakPopulation population, SoakInbox inbox, Ledger ledger,
                       long endNanos) {
        this.layout = layout;
        this.chain = chain;
        this.population = population;
        this.ledger = ledger;
        this.random = new Random(layout.settings().seed());
        this.churn = new SoakChurn(layout, chain.main(), inbox, ledger, random);
        this.periodNanos = (long) (1e9 / layout.settings().rate());
        this.endNanos = endNanos;
        this.cometqlPool = new ThreadPoolExecutor(COMETQL_THREADS, COMETQL_THREADS, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "soak-cometql");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.cometqlLink = ThreadLocal.withInitial(() -> {
            SiteSender link = new SiteSender(chain.target());
            links.add(link);
            return link;
        });
    }

    /** Sends until the end time (or {@link #stop()}); returns after the last send was handed over. */
    @Override
    public void run() {
        long next = System.nanoTime();
        while (!stopped && next < endNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            try {
                send(TrafficKind.forRoll(random.nextInt(100)), next);
            } catch (RuntimeException e) {
                // e.g. the main already dropped a churning user: count it, keep the rate
                sendFailures.incrementAndGet();
                lastFailure = e.toString();
            }
            next += periodNanos;
        }
        cometqlPool.shutdown();
        try {
            cometqlPool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        links.forEach(SiteSender::close);
    }

    public void stop() {
        stopped = true;
    }

    /** Inserts or web sends that failed (their deliveries will count as lost). */
    public long sendFailures() {
        return sendFailures.get();
    }

    /** The last send that threw, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    private void send(TrafficKind kind, long intended) {
        SoakSettings s = layout.settings();
        MainInstance main = chain.main();
        switch (kind) {
            case XMPP_TO_WEB -> {
                long from = SoakLayout.xmppId(random.nextInt(s.stable()));
                long to = SoakLayout.webId(random.nextInt(s.web()));
                long seq = ledger.expect(kind, intended, to);
                main.user(SoakLayout.jid(from)).sendMessage(Long.toString(to), Ledger.text(seq, kind), null);
            }
            case WEB_TO_XMPP -> {
                long from = SoakLayout.webId(random.nextInt(s.web()));
                long to = SoakLayout.xmppId(random.nextInt(s.stable()));
                long seq = ledger.expect(kind, intended, to);
                cometqlPool.execute(() -> insert(to, WebBody.text(from, Ledger.text(seq, kind), "s" + seq)));
            }
            case ROOM_FROM_XMPP -> {
                int r = random.nextInt(s.rooms());
                long[] xmpp = layout.xmppInRoom(r);
                long from = xmpp[random.nextInt(xmpp.length)];
                long seq = ledger.expect(kind, intended, LongStream.concat(Arrays.stream(xmpp),
                        Arrays.stream(layout.webInRoom(r))).toArray());
                main.user(SoakLayout.jid(from)).sendMessage(SoakLayout.roomName(r), Ledger.text(seq, kind), null);
            }
            case ROOM_FROM_WEB -> {
                int r = random.nextInt(s.rooms());
                long[] web = layout.webInRoom(r);
                if (web.length == 0) {
                    send(TrafficKind.ROOM_FROM_XMPP, intended);
                    return;
                }
                long from = web[random.nextInt(web.length)];
                long seq = ledger.expect(kind, intended, LongStream.concat(Arrays.stream(layout.xmppInRoom(r)),
                        Arrays.stream(web).filter(id -> id != from)).toArray());
                population.web((int) (from - SoakLayout.WEB_BASE))
                        .publish(SoakLayout.roomName(r), "message", Ledger.text(seq, kind))
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                sendFailures.incrementAndGet();
                            }
                        });
            }
            case PRESENCE -> {
                int i = random.nextInt(s.stable());
                long[] watchers = layout.watchersOf(i);
                if (watchers.length == 0) {
                    send(TrafficKind.XMPP_TO_WEB, intended);
                    return;
                }
                long seq = ledger.expect(kind, intended, watchers);
                main.user(SoakLayout.jid(SoakLayout.xmppId(i)))
                        .changeStatus(STATUSES[(int) (seq % STATUSES.length)], Ledger.text(seq, kind));
            }
            case LOGIN -> churn.step(intended);
        }
    }

    private void insert(long to, WebBody body) {
        try {
            cometqlLink.get().sendPrivate(to, body);
        } catch (Exception e) {
            sendFailures.incrementAndGet();
            lastFailure = e.toString();
        }
    }
}
