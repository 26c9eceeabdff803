package org.spectrumcomet.bench.bridge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.spectrumcomet.bench.link.LinkTarget;
import org.spectrumcomet.bench.link.LoadLink;
import org.spectrumcomet.bench.link.LoadMain;
import org.spectrumcomet.bench.report.LatencyRecorder;
import org.spectrumcomet.bench.report.MemoryProbe;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * One bridge process with N users, against a comet server already running with its web
 * subscribers: spawn (through the link benchmark's {@link LoadMain}), idle heap, LOGIN burst, heap
 * and RSS with N users, then four phases — XMPP→comet throughput (window-bounded by
 * CONV_MESSAGE_ACK), XMPP→comet latency at the fixed rate, comet→XMPP throughput (CometQL inserts
 * window-bounded by CONV_MESSAGEs at the main), comet→XMPP latency at the fixed rate — then EXIT.
 *
 * @param window most load messages sent and not yet acknowledged/delivered
 * @param rate the fixed rate of the latency phases, msg/s
 * @param siteThreads CometQL connections inserting for comet→XMPP
 * @param poolSize the bridge's {@code [comet] pool_size}, 0 for its default
 */
record BridgeRun(Path root, Path workDir, Phase phase, int window, long rate, int siteThreads, int poolSize) {

    BridgeMeasurement measure(CometTarget comet, CometQl cometql, WebSubscribers web, int userCount)
            throws IOException, InterruptedException, java.sql.SQLException {
        BridgeUsers users = new BridgeUsers(userCount);
        users.registerKeys(cometql);
        long[] buddies = web.ids();
        try (LoadMain main = new LoadMain()) {
            LoadLink link = main.spawnAndAwaitReady(BridgeTarget.of(root, comet, poolSize), workDir, Duration.ofSeconds(60));
            // a backend gives up a link that goes 60 s without PING (as Spectrum's main pings it)
            link.startPings(PING_PERIOD.toNanos());
            long pid = main.backend().pid();
            OptionalLong heapIdle = MemoryProbe.heapAfterFullGc(pid);

            long loginStart = System.nanoTime();
            link.loginAll(users.logins());
            awaitCount(link::connected, userCount, Duration.ofSeconds(30 + userCount / 50), "CONNECTED", main);
            double loginsPerSecond = userCount / ((link.lastConnectedNanos() - loginStart) / 1e9);
            OptionalLong heapUsers = MemoryProbe.heapAfterFullGc(pid);
            OptionalLong rss = MemoryProbe.rssBytes(pid);

            link.startLoad(seq -> message(users.jid(seq), buddies[(int) (seq % buddies.length)], System.nanoTime(), seq),
                    window, LoadLink.Acknowledgement.ACK);
            Phase.Result toCometLoad = phase.measure(link::acks, web::arrivals, web.latency());
            stopLoad(link);
            drain(link, main);

            link.startFixedRate(rate, (seq, intended) -> message(users.jid(seq), buddies[(int) (seq % buddies.length)], intended, seq));
            Phase.Result toComet = phase.measure(web::arrivals, web.latency());
            stopLoad(link);
            drain(link, main);

            LatencyRecorder toXmppLatency = new LatencyRecorder();
            link.onConversationMessage(m -> {
                long intended = Stamp.intendedNanos(m.getMessage());
                if (intended != Long.MIN_VALUE) {
                    toXmppLatency.recordSince(intended, System.nanoTime());
                }
            });
            long received0 = link.received();
            Phase.Result toXmpp;
            try (SiteLoad site = SiteLoad.closedLoop(comet, siteThreads, users.ids(), window, () -> link.received() - received0)) {
                toXmpp = phase.measure(link::received, toXmppLatency);
            }
            awaitQuiet(link::received);
            Phase.Result toXmppFixed;
            try (SiteLoad site = SiteLoad.fixedRate(comet, siteThreads, users.ids(), rate)) {
                toXmppFixed = phase.measure(link::received, toXmppLatency);
            }
            if (!link.isOpen()) {
                throw new IOException("the bridge closed the link:\n" + main.backend().logTail());
            }
            return new BridgeMeasurement(userCount, loginsPerSecond, heapIdle, heapUsers, rss, toCometLoad, toXmpp, toComet, toXmppFixed);
        }
    }

    private static final Duration PING_PERIOD = Duration.ofSeconds(1);

    /** Stops the main's load ({@link LoadLink#stop()} stops the PINGs too, so they start again). */
    private static void stopLoad(LoadLink link) {
        link.stop();
        link.startPings(PING_PERIOD.toNanos());
    }

    static SpectrumMessage message(String jid, long buddy, long intendedNanos, long seq) {
        return SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder()
                .setUserName(jid).setBuddyName(Long.toString(buddy)).setMessage(Stamp.text(intendedNanos))
                .setId("m" + seq).build());
    }

    /** Waits until every message sent so far is acknowledged (at most 20 s: a lost ACK must not hang the run). */
    private static void drain(LoadLink link, LoadMain main) throws InterruptedException, IOException {
        TimeUnit.MILLISECONDS.sleep(50);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (link.acks() < link.sent() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        if (!link.isOpen()) {
            throw new IOException("the bridge closed the link:\n" + main.backend().logTail());
        }
    }

    /** Waits until {@code counter} stops moving for 200 ms (at most 20 s). */
    private static void awaitQuiet(LongSupplier counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = counter.getAsLong();
            if (now == last) {
                return;
            }
            last = now;
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static void awaitCount(LongSupplier counter, long target, Duration timeout, String what, LoadMain main)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IOException("bridge: " + counter.getAsLong() + " of " + target + " LOGINs answered with " + what
                        + " within " + timeout + ":\n" + main.backend().logTail());
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
