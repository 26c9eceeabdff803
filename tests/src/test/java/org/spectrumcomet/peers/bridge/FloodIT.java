package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.ContactInbox;

/**
 * Twenty Smack users on ONE bridge process behind the real Spectrum 2, each chatting with its own
 * web user, while one of them sends {@value #FLOOD_COUNT} messages as fast as Smack can, timed to
 * meet Spectrum's PING tick. The 19 others chat one message at a time each way during the flood.
 *
 * <p>Stated bounds (2-core machine shared by Spectrum, the bridge, the comet server and the
 * clients), p99 of send → receive for the 19 others: XMPP → web ≤ {@value #P99_TO_WEB_MS} ms;
 * web → XMPP ≤ {@value #P99_TO_XMPP_MS} ms. The second is loose on purpose: the bridge refuses the
 * flood beyond {@code max_pending_sends}, and Spectrum's single thread reads the whole flood
 * before the others' messages behind it (measured p99 0.3–1.3 s XMPP → web and 0.6–6.6 s web →
 * XMPP, load average up to 25, while the bridge still sent one notice per refused message; now at
 * most 5 a second per user and a summary). None of the others' messages may be lost.
 *
 * <p>Liveness: Spectrum sends a PING while the flood is being read, and its next tick (20 s later)
 * writes a PING line only when that one was answered; so the log must show that line, no ping
 * timeout, no second backend, no lost backend, and the bridge PID must be the same.
 */
@Tag("peers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FloodIT {

    private static final Logger LOG = LoggerFactory.getLogger(FloodIT.class);
    private static final int USERS = 20;
    private static final long FIRST_XMPP = 301;
    private static final long FIRST_WEB = 401;
    private static final long P99_TO_WEB_MS = 2_000;
    private static final long P99_TO_XMPP_MS = 10_000;
    /** About two seconds of work for Spectrum on this machine, which reads them at 10 000–25 000/s. */
    private static final int FLOOD_COUNT = 30_000;
    /** The most the flood sends while waiting for the PING tick. */
    private static final int FLOOD_CAP = 150_000;
    private static final long FLOOD_MAX_MS = 10_000;
    /** The flood starts this long before Spectrum's next PING tick. */
    private static final Duration FLOOD_LEAD = Duration.ofSeconds(1);
    private static final int MIN_ROUNDS = 5;
    private static final int MAX_ROUNDS = 60;
    /** Spectrum's ping timer runs every 20 s: two ticks fit in this. */
    private static final long PING_TICKS_MS = 45_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create().withUsersPerBackend(USERS + 5);

    @Test
    @Order(1)
    void oneFloodingUserNeitherDelaysNorLosesTheOthersMessagesNorCostsTheBackendItsPing() throws Exception {
        List<XMPPTCPConnection> xmpp = new ArrayList<>();
        List<WebUser> web = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            web.add(CHAIN.comet().web(FIRST_WEB + i));
            xmpp.add(CHAIN.login(FIRST_XMPP + i));
        }
        SpectrumWatch watch = new SpectrumWatch(CHAIN.dir());
        List<Long> bridgeBefore = watch.bridgePids();
        assertThat(bridgeBefore).as("all %d users on one bridge process", USERS).hasSize(1);
        // Start the flood shortly before Spectrum's next PING, so that PING meets a flooded backend.
        Instant tick = watch.nextPingTick(FLOOD_LEAD.plusSeconds(1));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), tick.minus(FLOOD_LEAD)).toMillis()));
        long pingsAtFloodStart = watch.count(SpectrumWatch.PING);

        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        AtomicBoolean flooding = new AtomicBoolean(true);
        Latencies toWeb = new Latencies("XMPP -> web");
        Latencies toXmpp = new Latencies("web -> XMPP");
        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        Flood flooded;
        try {
            Future<Flood> flood = pool.submit(() -> flood(xmpp.get(0), CHAIN.jid(FIRST_WEB), watch, pingsAtFloodStart, tick));
            List<Future<?>> pairs = new ArrayList<>();
            for (int i = 1; i < USERS; i++) {
                int pair = i;
                pairs.add(pool.submit(() -> {
                    chat(xmpp.get(pair), FIRST_XMPP + pair, web.get(pair), flooding, toWeb, toXmpp, lost);
                    return null;
                }));
            }
            flooded = flood.get(FLOOD_MAX_MS + 10_000, TimeUnit.MILLISECONDS);
            flooding.set(false);
            for (Future<?> pair : pairs) {
                pair.get(60, TimeUnit.SECONDS);
            }
            long floodArrived = web.get(0).frames(0, WebFrame::isPrivate).size();
            LOG.info("flood: {} messages sent by {}, {} reached web user {}; others: {}; {}", flooded.sent(),
                    FIRST_XMPP, floodArrived, FIRST_WEB, toWeb, toXmpp);
            System.out.printf("FloodIT: flood %d sent, %d delivered; %s; %s%n", flooded.sent(), floodArrived, toWeb, toXmpp);
        } finally {
            flooding.set(false);
            pool.shutdownNow();
        }

        assertThat(flooded.pingedDuringFlood()).as("Spectrum sent a PING during the flood").isTrue();
        assertThat(flooded.sent()).as("flood messages sent").isBetween(FLOOD_COUNT, FLOOD_CAP);
        assertThat(lost).as("messages of the non-flooding users that never arrived").isEmpty();
        assertThat(toWeb.size()).isGreaterThanOrEqualTo((USERS - 1) * MIN_ROUNDS);
        assertThat(toWeb.percentile(99)).as(toWeb.toString()).isLessThanOrEqualTo(P99_TO_WEB_MS);
        assertThat(toXmpp.percentile(99)).as(toXmpp.toString()).isLessThanOrEqualTo(P99_TO_XMPP_MS);

        // The tick after the flood's PING: a PING line there means the flood-time PING was answered.
        long deadline = System.currentTimeMillis() + PING_TICKS_MS;
        while (watch.count(SpectrumWatch.PING) < pingsAtFloodStart + 2 && watch.count(SpectrumWatch.PING_TIMEOUT) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(watch.lines(SpectrumWatch.PING_TIMEOUT)).as("Spectrum's ping timeouts").isEmpty();
        assertThat(watch.count(SpectrumWatch.PING)).as("PINGs sent since the flood began, each after a PONG")
                .isGreaterThanOrEqualTo(pingsAtFloodStart + 2);
        assertThat(watch.lines(SpectrumWatch.BACKEND_STARTED)).as("backends Spectrum started").hasSize(1);
        assertThat(watch.lines(SpectrumWatch.BACKEND_GONE)).as("backends Spectrum lost").isEmpty();
        assertThat(watch.bridgePids()).as("the bridge process").isEqualTo(bridgeBefore);
    }

    /**
     * After a flood the flooder can chat again. Found here: the flooder's serial executor (bound
     * 10 000) used to drop the continuations of its {@code Outbox} chain along with new work, so
     * {@code pending} stayed at {@code max_pending_sends} and every later message of that user was
     * refused until LOGOUT (unit test: SerialExecutorTest). Runs after the main test (its own
     * flooder, 321 → 421).
     */
    @Test
    @Order(2)
    void theFlooderCanChatAgainOnceItsFloodIsOver() throws Exception {
        WebUser partner = CHAIN.comet().web(FIRST_WEB + USERS);
        XMPPTCPConnection flooder = CHAIN.login(FIRST_XMPP + USERS);
        EntityBareJid to = CHAIN.jid(partner.id());
        for (int i = 0; i < 20_000; i++) {
            flooder.sendStanza(flooder.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
                    .setBody("flood " + i).build());
        }
        long mark = partner.mark();
        flooder.sendStanza(flooder.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
                .setBody("after the flood").build());
        // Retried: the first attempts may still meet a full outbox while the flood drains.
        long deadline = System.currentTimeMillis() + 60_000;
        boolean delivered = false;
        while (!delivered && System.currentTimeMillis() < deadline) {
            delivered = partner.await(mark, f -> f.isPrivate() && "after the flood".equals(f.body().text()),
                    Duration.ofSeconds(5)).isPresent();
            if (!delivered) {
                mark = partner.mark();
                flooder.sendStanza(flooder.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
                        .setBody("after the flood").build());
            }
        }
        assertThat(delivered).as("a message of the flooder after its flood reached comet").isTrue();
    }

    /** How many flood messages were sent, and whether Spectrum sent a PING while they were. */
    private record Flood(int sent, boolean pingedDuringFlood) {
    }

    /**
     * Sends at least {@link #FLOOD_COUNT} messages as fast as Smack can, on until just past the PING
     * {@code tick} (bounded by {@link #FLOOD_CAP} and {@link #FLOOD_MAX_MS}),
     * then waits until Spectrum has read the last one, and tells whether Spectrum sent a PING
     * before that: the PING then met a backend busy with the flood.
     */
    private static Flood flood(XMPPTCPConnection flooder, EntityBareJid partner, SpectrumWatch watch, long pingsBefore,
                               Instant tick)
            throws Exception {
        long end = System.currentTimeMillis() + FLOOD_MAX_MS;
        int sent = 0;
        // At least FLOOD_COUNT, and on until just past Spectrum's PING tick (a quiet machine sends
        // them all within the lead): the PING must meet a flooded backend.
        long pastTick = tick.plusMillis(500).toEpochMilli();
        while ((sent < FLOOD_COUNT || System.currentTimeMillis() < pastTick) && sent < FLOOD_CAP
                && System.currentTimeMillis() < end) {
            flooder.sendStanza(flooder.getStanzaFactory().buildMessageStanza().to(partner).ofType(Message.Type.chat)
                    .setBody("flood " + sent).build());
            sent++;
        }
        String last = "<body>flood " + (sent - 1) + "</body>";
        while (watch.count(last) == 0 && System.currentTimeMillis() < end + 10_000) {
            Thread.sleep(50);
        }
        return new Flood(sent, watch.count(SpectrumWatch.PING) > pingsBefore);
    }

    /** One pair's round trips, one message at a time each way, while the flood lasts (at least MIN_ROUNDS). */
    private static void chat(XMPPTCPConnection xmpp, long xmppId, WebUser web, AtomicBoolean flooding,
                             Latencies toWeb, Latencies toXmpp, ConcurrentLinkedQueue<String> lost) throws Exception {
        EntityBareJid partner = CHAIN.jid(web.id());
        try (CometQl site = new CometQl(CHAIN.comet().target()); ContactInbox inbox = new ContactInbox(xmpp, partner)) {
            for (int round = 0; round < MAX_ROUNDS && (flooding.get() || round < MIN_ROUNDS); round++) {
                String out = xmppId + " to " + web.id() + " #" + round;
                long mark = web.mark();
                long start = System.nanoTime();
                xmpp.sendStanza(xmpp.getStanzaFactory().buildMessageStanza().to(partner).ofType(Message.Type.chat)
                        .setBody(out).build());
                Optional<WebFrame> got = web.await(mark, f -> f.isPrivate() && out.equals(f.body().text()), WAIT);
                if (got.isPresent()) {
                    toWeb.add(System.nanoTime() - start);
                } else {
                    lost.add(out);
                }

                String in = web.id() + " to " + xmppId + " #" + round;
                start = System.nanoTime();
                site.sendPrivate(xmppId, "message", WebBody.text(web.id(), in, "w" + round));
                try {
                    inbox.next("'" + in + "'", m -> in.equals(m.getBody()));
                    toXmpp.add(System.nanoTime() - start);
                } catch (AssertionError e) {
                    lost.add(in);
                }
            }
        }
    }
}
