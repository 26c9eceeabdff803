package org.spectrumcomet.soak;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every message a soak sends, by sequence number, with the recipients that must get it. A delivery
 * is counted received (its latency from the message's intended send time goes to the
 * {@link WindowLatency}), duplicate (that recipient already had it), or lost (not there within the
 * loss timeout). Deliveries to someone not expected (a web sender seeing its own room message) are
 * ignored. Completed messages are remembered for the duplicate window, then forgotten, so the
 * ledger stays bounded by rate × (loss timeout + duplicate window).
 */
public final class Ledger {

    private static final Pattern SEQ = Pattern.compile("soak (\\d+) ");

    private final long lossTimeoutNanos;
    private final long duplicateWindowNanos;
    private final WindowLatency latency;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final AtomicLong replays = new AtomicLong();
    private final Map<Long, Pending> open = new ConcurrentHashMap<>();
    private final Map<Long, Done> completed = new ConcurrentHashMap<>();
    private final Map<TrafficKind, Counts> counts = new EnumMap<>(TrafficKind.class);

    /** One kind's running totals (deliveries, not messages). */
    public static final class Counts {
        private static final int MESSAGES = 0;
        private static final int SENT = 1;
        private static final int RECEIVED = 2;
        private static final int LOST = 3;
        private static final int DUPLICATES = 4;
        private static final int LATE = 5;
        private final AtomicLongArray values = new AtomicLongArray(6);

        public long messages() {
            return values.get(MESSAGES);
        }

        /** Deliveries expected so far. */
        public long sent() {
            return values.get(SENT);
        }

        public long received() {
            return values.get(RECEIVED);
        }

        public long lost() {
            return values.get(LOST);
        }

        public long duplicates() {
            return values.get(DUPLICATES);
        }

        /** Arrived after being counted lost (still counted lost). */
        public long late() {
            return values.get(LATE);
        }
    }

    private static final class Pending {
        final TrafficKind kind;
        final long intendedNanos;
        final long[] recipients;
        final boolean[] got;
        int left;

        Pending(TrafficKind kind, long intendedNanos, long[] recipients) {
            this.kind = kind;
            this.intendedNanos = intendedNanos;
            this.recipients = recipients;
            this.got = new boolean[recipients.length];
            this.left = recipients.length;
        }
    }

    /** A message no longer open: every delivery arrived, or the missing ones were counted lost. */
    private record Done(TrafficKind kind, long[] recipients, long atNanos, boolean lost) {
    }

    public Ledger(long lossTimeoutNanos, long duplicateWindowNanos, WindowLatency latency) {
        this.lossTimeoutNanos = lossTimeoutNanos;
        this.duplicateWindowNanos = duplicateWindowNanos;
        this.latency = latency;
        for (TrafficKind k : TrafficKind.values()) {
            counts.put(k, new Counts());
        }
    }

    /** The text a message of {@code kind} with sequence {@code seq} carries. */
    public static String text(long seq, TrafficKind kind) {
        return "soak " + seq + " " + kind.tag();
    }

    /** The sequence number in {@code text}, or -1 when it is not a soak message. */
    public static long seqIn(CharSequence text) {
        Matcher m = SEQ.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Registers a message before it is sent; returns its sequence number. */
    public long expect(TrafficKind kind, long intendedNanos, long... recipients) {
        long seq = nextSeq.getAndIncrement();
        open.put(seq, new Pending(kind, intendedNanos, recipients));
        Counts c = counts.get(kind);
        c.values.incrementAndGet(Counts.MESSAGES);
        c.values.addAndGet(Counts.SENT, recipients.length);
        return seq;
    }

    /** Recipient {@code recipient} got message {@code seq} now, live. */
    public void delivered(long seq, long recipient) {
        delivered(seq, recipient, false);
    }

    /**
     * Recipient {@code recipient} got message {@code seq} now; {@code replay} when it came as
     * history (a timestamped room message after a (re)join), which repeats what the user may
     * already have by design: counted as a replay then, not as a duplicate.
     */
    public void delivered(long seq, long recipient, boolean replay) {
        long now = System.nanoTime();
        Pending p = open.get(seq);
        if (p == null) {
            Done d = completed.get(seq);
            if (d != null && indexOf(d.recipients(), recipient) >= 0) {
                if (replay && !d.lost()) {
                    replays.incrementAndGet();
                } else {
                    counts.get(d.kind()).values.incrementAndGet(d.lost() ? Counts.LATE : Counts.DUPLICATES);
                }
            }
            return;
        }
        synchronized (p) {
            int i = indexOf(p.recipients, recipient);
            if (i < 0) {
                return;
            }
            Counts c = counts.get(p.kind);
            if (p.got[i]) {
                if (replay) {
                    replays.incrementAndGet();
                } else {
                    c.values.incrementAndGet(Counts.DUPLICATES);
                }
                return;
            }
            p.got[i] = true;
            p.left--;
            c.values.incrementAndGet(Counts.RECEIVED);
            latency.record(now - p.intendedNanos);
            if (p.left == 0) {
                completed.put(seq, new Done(p.kind, p.recipients, now, false));
                open.remove(seq);
            }
        }
    }

    /**
     * Counts messages older than the loss timeout as lost (the missing deliveries) and forgets
     * completed ones past the duplicate window. Call about once a second, and with {@code all}
     * at the end to count everything still open as lost.
     */
    public void sweep(boolean all) {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Long, Pending>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Pending> e = it.next();
            Pending p = e.getValue();
            synchronized (p) {
                if (all || now - p.intendedNanos > lossTimeoutNanos) {
                    counts.get(p.kind).values.addAndGet(Counts.LOST, p.left);
                    completed.put(e.getKey(), new Done(p.kind, p.recipients, now, true));
                    it.remove();
                }
            }
        }
        completed.values().removeIf(d -> now - d.atNanos() > duplicateWindowNanos);
    }

    /** History replays of messages the recipient already had (not duplicates). */
    public long replays() {
        return replays.get();
    }

    /** Messages still waiting for some delivery. */
    public int openMessages() {
        return open.size();
    }

    public Counts counts(TrafficKind kind) {
        return counts.get(kind);
    }

    public long totalSent() {
        return counts.values().stream().mapToLong(Counts::sent).sum();
    }

    public long totalReceived() {
        return counts.values().stream().mapToLong(Counts::received).sum();
    }

    public long totalLost() {
        return counts.values().stream().mapToLong(Counts::lost).sum();
    }

    public long totalDuplicates() {
        return counts.values().stream().mapToLong(Counts::duplicates).sum();
    }

    private static int indexOf(long[] values, long v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
