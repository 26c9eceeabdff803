package org.spectrumcomet.soak;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.main.MainInstance;

/**
 * Brings a soak's people online before traffic starts: every comet key registered, the stable XMPP
 * users logged in through the backend and in their rooms, the web users connected and subscribed.
 * Logins and connects are paced (a bounded number in flight) the way a real population arrives in
 * waves rather than all in the same millisecond; each step fails with what was missing.
 */
public final class SoakPopulation implements AutoCloseable {

    private static final int LOGINS_IN_FLIGHT = 50;
    private static final int CONNECTS_IN_FLIGHT = 64;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(2, r -> daemon(r, "soak-web"))).build();
    private final SoakWebUser[] web;

    private SoakPopulation(int webCount) {
        this.web = new SoakWebUser[webCount];
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs every setup step, printing progress to {@code log}. */
    public static SoakPopulation bringOnline(SoakLayout layout, SoakChain chain, SoakInbox inbox, PrintStream log)
            throws Exception {
        SoakSettings s = layout.settings();
        CometQl cometql = chain.cometql();
        for (int i = 0; i < s.users(); i++) {
            cometql.setKey(SoakLayout.xmppId(i), SoakLayout.key(SoakLayout.xmppId(i)));
        }
        for (int j = 0; j < s.web(); j++) {
            cometql.setKey(SoakLayout.webId(j), SoakLayout.key(SoakLayout.webId(j)));
        }
        Set<String> churning = new HashSet<>();
        for (int i = s.stable(); i < s.users(); i++) {
            churning.add(SoakLayout.jid(SoakLayout.xmppId(i)));
        }
        inbox.churning(churning);
        log.printf("keys registered for %d XMPP and %d web users%n", s.users(), s.web());

        MainInstance main = chain.main();
        for (int i = 0; i < s.stable(); i++) {
            awaitAtLeast(inbox::connectedCount, i - LOGINS_IN_FLIGHT, "CONNECTED for XMPP logins");
            long id = SoakLayout.xmppId(i);
            main.user(SoakLayout.jid(id)).login(Long.toString(id), SoakLayout.key(id));
        }
        awaitAtLeast(inbox::connectedCount, s.stable(), "CONNECTED for XMPP logins");
        log.printf("%d XMPP users logged in through the backend%n", s.stable());

        for (int i = 0; i < s.stable(); i++) {
            // paced like logins: a burst of 1,000 joins overflows the bridge's CometQL queue
            awaitAtLeast(inbox::joinedCount, i - LOGINS_IN_FLIGHT, "own PARTICIPANT_CHANGED (ME) for room joins");
            long id = SoakLayout.xmppId(i);
            main.user(SoakLayout.jid(id)).joinRoom(SoakLayout.roomName(layout.roomOfXmpp(i)), SoakLayout.nick(id));
        }
        awaitAtLeast(inbox::joinedCount, s.stable(), "own PARTICIPANT_CHANGED (ME) for room joins");
        log.printf("%d XMPP users joined %d rooms%n", s.stable(), s.rooms());

        SoakPopulation population = new SoakPopulation(s.web());
        try {
            population.connectWeb(layout, chain, inbox);
        } catch (Exception e) {
            population.close();
            throw e;
        }
        log.printf("%d web users connected and subscribed%n", s.web());
        return population;
    }

    private void connectWeb(SoakLayout layout, SoakChain chain, SoakInbox inbox) throws Exception {
        Semaphore slots = new Semaphore(CONNECTS_IN_FLIGHT);
        CompletableFuture<?>[] all = new CompletableFuture<?>[web.length];
        for (int j = 0; j < web.length; j++) {
            if (!slots.tryAcquire(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("web connects stalled at user " + j);
            }
            int index = j;
            long id = SoakLayout.webId(j);
            all[j] = SoakWebUser.connect(http, chain.target(), id, SoakLayout.key(id), inbox::onWebFrame)
                    .thenCompose(user -> {
                        web[index] = user;
                        return user.subscribe(layout.pipesOfWeb(index));
                    })
                    .whenComplete((ok, error) -> slots.release());
        }
        CompletableFuture.allOf(all).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitAtLeast(IntSupplier count, int wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (count.getAsInt() < wanted) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count.getAsInt() + " of " + wanted + " " + what
                        + " within " + STEP_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }

    /** Web user {@code j}. */
    public SoakWebUser web(int j) {
        return web[j];
    }

    /** Web users whose socket closed. */
    public int closedWebUsers() {
        int n = 0;
        for (SoakWebUser u : web) {
            if (u == null || u.isClosed()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        for (SoakWebUser u : web) {
            if (u != null) {
                u.close();
            }
        }
    }
}
