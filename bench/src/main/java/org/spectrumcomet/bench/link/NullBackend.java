package org.spectrumcomet.bench.link;

import io.netty.channel.EventLoopGroup;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.backend.BackendDefinition;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.SpectrumBackend;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The link benchmark's baseline backend, on the same backend library as ours: LOGIN is answered
 * with CONNECTED, PING with PONG (by the library), every other frame is dropped unhandled. For load
 * in the other direction it sends {@value #OUTBOUND_RATE_PROPERTY} CONV_MESSAGEs per second (0 =
 * none), spread over 1 ms ticks, to the logged-in users in turn.
 */
public final class NullBackend {

    static final String OUTBOUND_RATE_PROPERTY = "bench.null.outboundRate";

    private NullBackend() {
    }

    public static void main(String[] args) {
        long rate = Long.getLong(OUTBOUND_RATE_PROPERTY, 0);
        System.exit(SpectrumBackend.run(args, BackendDefinition.builder("null-backend", "1.0")
                .features(BackendFeatures.builder().needPassword(false).needRegistration(false).build())
                .handlers(context -> handlers(context.mainInstance(), context.eventLoops(), rate))
                .build()));
    }

    static Handlers handlers(MainInstance main, EventLoopGroup loops, long ratePerSecond) {
        Set<String> users = ConcurrentHashMap.newKeySet();
        if (ratePerSecond > 0) {
            Outbound outbound = new Outbound(main, users, ratePerSecond);
            loops.scheduleAtFixedRate(outbound::tick, 1, 1, TimeUnit.MILLISECONDS);
        }
        return Handlers.builder().session(new SessionHandler() {
            @Override
            public void login(Protocol.Login login) {
                users.add(login.getUser());
                main.connected(login.getUser());
            }

            @Override
            public void logout(Protocol.Logout logout) {
                users.remove(logout.getUser());
            }
        }).build();
    }

    /** A fixed-rate CONV_MESSAGE source; a late tick catches up on the messages it owes. */
    private static final class Outbound {

        private static final String TEXT = "x".repeat(100);

        private final MainInstance main;
        private final Set<String> users;
        private final long ratePerSecond;
        private long startNanos = -1;
        private long sent;

        Outbound(MainInstance main, Set<String> users, long ratePerSecond) {
            this.main = main;
            this.users = users;
            this.ratePerSecond = ratePerSecond;
        }

        void tick() {
            if (users.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (startNanos < 0) {
                startNanos = now;
            }
            long owed = (now - startNanos) * ratePerSecond / 1_000_000_000L - sent;
            // never more than 100 ms worth at once: a stalled loop must not flood the gate
            owed = Math.min(owed, Math.max(1, ratePerSecond / 10));
            for (String user : users) {
                if (owed <= 0) {
                    break;
                }
                for (int i = 0; i < owed; i++) {
                    if (!main.message(user, ChatMessage.builder("buddy", TEXT).build())) {
                        return; // link down or gate full: the gate has logged why; try next tick
                    }
                    sent++;
                }
                owed = 0;
            }
        }
    }
}
