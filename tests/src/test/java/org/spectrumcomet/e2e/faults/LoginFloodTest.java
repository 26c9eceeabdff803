package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.MessageLite;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.protocol.pb.Protocol.ConnectionError;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A login flood: 60 LOGINs for different users in one burst against the bridge with
 * {@code login_rate = 5}. About the burst (10) are logged in; every other one gets
 * DISCONNECTED(NETWORK_ERROR) "too many logins … (login_rate)" at once; PONG stays prompt; and a
 * second later logins are accepted again.
 */
class LoginFloodTest {

    private static final int FLOOD = 60;
    private static final long FIRST = 7100;

    @Test
    void aBurstOfLoginsIsRateLimitedWithAClearError() throws Exception {
        try (CometServerProcess comet = CometServerProcess.start(MainVanishesTest.cometSettings("login-flood"));
             CometQl site = new CometQl(comet.target());
             RawMain main = new RawMain()) {
            for (long id = FIRST; id <= FIRST + FLOOD; id++) {
                site.setKey(id, "key" + id);
            }
            BackendProcess backend = SpawnedBackend.start(SpectrumCometBackend.class, "", main.port(), "login-flood",
                    CometConfig.section(comet.target(), comet.target().wsPort()) + AdversarialFramesTest.SLOW_MACHINE + "login_rate = 5\n");
            try {
                main.accept(Duration.ofSeconds(20));
                main.send(Type.TYPE_PING, (MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, Duration.ofSeconds(20))).isNotNull();

                long floodStart = System.nanoTime();
                for (int i = 0; i < FLOOD; i++) {
                    main.send(Type.TYPE_LOGIN, MainVanishesTest.login(FIRST + i));
                }
                long pingAt = System.nanoTime();
                main.send(Type.TYPE_PING, (MessageLite) null);
                Long pongMs = null;
                Set<String> connected = new HashSet<>();
                Map<String, Disconnected> refused = new HashMap<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (connected.size() + refused.size() < FLOOD && System.nanoTime() < deadline) {
                    WrapperMessage m = main.awaitAny(Duration.ofSeconds(1));
                    if (m == null) {
                        continue;
                    }
                    switch (m.getType()) {
                        case TYPE_PONG -> pongMs = pongMs == null ? (System.nanoTime() - pingAt) / 1_000_000 : pongMs;
                        case TYPE_CONNECTED -> connected.add(Connected.parseFrom(m.getPayload()).getUser());
                        case TYPE_DISCONNECTED -> {
                            Disconnected d = Disconnected.parseFrom(m.getPayload());
                            refused.put(d.getUser(), d);
                        }
                        default -> { }
                    }
                }
                double seconds = (System.nanoTime() - floodStart) / 1e9;
                assertThat(connected.size() + refused.size()).as("every LOGIN answered").isEqualTo(FLOOD);
                // the burst (10), plus what the bucket refilled (5/s) while a loaded machine worked through the flood
                assertThat(connected.size()).as("logged in from the burst, %.1f s to answer all", seconds)
                        .isBetween(10, 11 + (int) Math.ceil(5 * seconds));
                assertThat(refused).as("refused").hasSizeGreaterThan(FLOOD / 2 - 10);
                assertThat(refused.values()).allSatisfy(d -> {
                    assertThat(d.getError()).isEqualTo(ConnectionError.CONNECTION_ERROR_NETWORK_ERROR_VALUE);
                    assertThat(d.getMessage()).contains("too many logins").contains("5 per second").contains("login_rate");
                });
                assertThat(pongMs).as("PONG during the flood (ms)").isNotNull().isLessThan(1000L);

                Thread.sleep(1000); // the bucket refills at 5 per second
                main.send(Type.TYPE_LOGIN, MainVanishesTest.login(FIRST + FLOOD));
                WrapperMessage answer = main.await(Type.TYPE_CONNECTED, Duration.ofSeconds(10));
                assertThat(answer).as("a LOGIN after the flood is accepted").isNotNull();
                assertThat(SpawnedBackend.log(backend)).contains("refusing LOGIN: too many logins");
            } finally {
                main.close();
                backend.awaitExit(Duration.ofSeconds(5));
                backend.destroy();
            }
        }
    }
}
