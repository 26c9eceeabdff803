package org.spectrumcomet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;

/**
 * One user's comet socket hangs (the gate stops moving its bytes, nothing closes) while 50 other
 * users keep chatting: their round trips (XMPP user → bridge → CometQL → comet → partner's socket
 * → bridge → main) keep their latency. The hung user's messages arrive once its socket moves again.
 */
class HungSocketTest {

    private static final Logger LOG = LoggerFactory.getLogger(HungSocketTest.class);
    private static final int USERS = 50;
    private static final long FIRST_ID = 5001;
    private static final long HUNG_ID = 5100;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void fiftyUsersKeepTheirLatencyWhileOneSocketHangs() throws Exception {
        try (BridgeRig rig = BridgeRig.start(BridgeRig.inMemory("hung"), "")) {
            List<MainUser> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(rig.login(FIRST_ID + i));
            }
            MainUser hung = rig.login(HUNG_ID);

            for (int r = 0; r < 3; r++) {
                round(rig, users, "warm" + r, 0);
            }
            List<Long> before = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                before.addAll(round(rig, users, "before" + r, 0));
            }

            rig.gate.freeze(HUNG_ID);
            long hungMark = rig.mark();
            hung.joinRoom("web_hung", "hung"); // the bridge writes a subscription into the frozen socket
            List<Long> during = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                during.addAll(round(rig, users, "during" + r, 5));
                rig.cometql.sendPrivate(HUNG_ID, "message", WebBody.text(FIRST_ID, "site to hung " + r, "site-" + r));
                hung.sendMessage(Long.toString(FIRST_ID), "hung says " + r, null); // its sends go by CometQL
            }
            String hungJid = "u" + HUNG_ID + "@localhost";
            assertThat(rig.received(hungMark, ConversationMessage.class, c -> c.getUserName().equals(hungJid)
                    && !c.getBuddyName().equals("web_hung"))).as("private messages through the frozen socket").isEmpty();
            rig.gate.unfreeze(HUNG_ID);

            long p50Before = percentile(before, 50);
            long p99Before = percentile(before, 99);
            long p50During = percentile(during, 50);
            long p99During = percentile(during, 99);
            LOG.info("round trips of {} users in ms: before p50={} p99={}, during the hang p50={} p99={}",
                    USERS, p50Before, p99Before, p50During, p99During);
            assertThat(p50During).as("p50 during the hang (before: %d ms)", p50Before)
                    .isLessThanOrEqualTo(Math.max(3 * p50Before, p50Before + 50));
            assertThat(p99During).as("p99 during the hang (before: %d ms)", p99Before)
                    .isLessThanOrEqualTo(Math.max(3 * p99Before, p99Before + 250));

            // the hung user's messages were held, not lost: they arrive once its socket moves again
            long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
            int expected = 4 * 5 + 4;
            int got;
            do {
                got = rig.received(hungMark, ConversationMessage.class, c -> c.getUserName().equals(hungJid)
                        && !c.getBuddyName().equals("web_hung")).size();
                if (got < expected) {
                    Thread.sleep(50);
                }
            } while (got < expected && System.nanoTime() < deadline);
            assertThat(got).as("messages the hung user received after the thaw").isEqualTo(expected);
        }
    }

    /**
     * Every user sends one message to the next; returns each round trip in ms. {@code toHung}
     * users also write to the hung user.
     */
    private static List<Long> round(BridgeRig rig, List<MainUser> users, String tag, int toHung) throws Exception {
        long from = rig.mark();
        Map<String, Instant> sent = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            String text = tag + "-" + i;
            sent.put(text, Instant.now());
            users.get(i).sendMessage(Long.toString(FIRST_ID + (i + 1) % users.size()), text, null);
        }
        for (int i = 0; i < toHung; i++) {
            users.get(i).sendMessage(Long.toString(HUNG_ID), tag + "-to-hung-" + i, null);
        }
        long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
        while (true) {
            Map<String, Instant> arrived = new HashMap<>();
            rig.received(from, ConversationMessage.class, c -> sent.containsKey(c.getMessage()))
                    .forEach(t -> arrived.putIfAbsent(t.payload().getMessage(), t.at()));
            if (arrived.size() == sent.size()) {
                List<Long> trips = new ArrayList<>();
                arrived.forEach((text, at) -> trips.add(Duration.between(sent.get(text), at).toMillis()));
                return trips;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(tag + ": only " + arrived.size() + " of " + sent.size() + " messages arrived");
            }
            Thread.sleep(5);
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
