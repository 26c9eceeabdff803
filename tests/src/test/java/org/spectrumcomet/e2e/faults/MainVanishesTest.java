package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.echo.EchoBackend;
import org.spectrumcomet.protocol.pb.Protocol.Login;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The main instance vanishes: the backend (echo, and the bridge with a user logged in to comet)
 * exits with code 0 within 5 s — when the main closes the socket, and when the main's process is
 * killed with SIGKILL (the kernel then ends the connection for it).
 */
class MainVanishesTest {

    private static final Duration EXIT_LIMIT = Duration.ofSeconds(5);
    private static final Duration START = Duration.ofSeconds(20);

    @Test
    void echoBackendExitsWhenTheMainClosesTheSocket() throws Exception {
        try (RawMain main = new RawMain()) {
            BackendProcess backend = SpawnedBackend.start(EchoBackend.class, "", main.port(), "vanish-echo-close", "");
            try {
                main.accept(START);
                main.send(Type.TYPE_PING, (com.google.protobuf.MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, START)).as("PONG").isNotNull();
                main.close();
                assertCleanExit(backend);
            } finally {
                backend.destroy();
            }
        }
    }

    @Test
    void bridgeWithALoggedInUserExitsWhenTheMainClosesTheSocket() throws Exception {
        try (CometServerProcess comet = CometServerProcess.start(cometSettings("vanish-close"));
             CometQl cometql = new CometQl(comet.target());
             RawMain main = new RawMain()) {
            cometql.setKey(7001, "key7001");
            BackendProcess backend = SpawnedBackend.start(SpectrumCometBackend.class, "", main.port(),
                    "vanish-bridge-close", CometConfig.section(comet.target(), comet.target().wsPort()) + AdversarialFramesTest.SLOW_MACHINE);
            try {
                main.accept(START);
                main.send(Type.TYPE_PING, (com.google.protobuf.MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, START)).as("PONG").isNotNull();
                main.send(Type.TYPE_LOGIN, login(7001));
                WrapperMessage answer = main.await(Type.TYPE_CONNECTED, START);
                assertThat(answer).as("CONNECTED for u7001").isNotNull();
                main.close();
                assertCleanExit(backend);
            } finally {
                backend.destroy();
            }
        }
    }

    @Test
    void echoBackendExitsWhenTheMainProcessIsKilled() throws Exception {
        Process main = startMainProcess();
        try {
            BackendProcess backend = SpawnedBackend.start(EchoBackend.class, "", portOf(main), "vanish-echo-kill", "");
            try {
                assertThat(SpawnedBackend.awaitLog(backend, "connected to the main instance", START))
                        .as("backend connected; log:\n%s", backend.logTail(20)).isTrue();
                main.destroyForcibly().waitFor();
                assertCleanExit(backend);
            } finally {
                backend.destroy();
            }
        } finally {
            main.destroyForcibly();
        }
    }

    @Test
    void bridgeWithALoggedInUserExitsWhenTheMainProcessIsKilled() throws Exception {
        try (CometServerProcess comet = CometServerProcess.start(cometSettings("vanish-kill"));
             CometQl cometql = new CometQl(comet.target())) {
            cometql.setKey(7002, "key7002");
            Process main = startMainProcess("7002", "key7002");
            try {
                BackendProcess backend = SpawnedBackend.start(SpectrumCometBackend.class, "", portOf(main),
                        "vanish-bridge-kill", CometConfig.section(comet.target(), comet.target().wsPort()) + AdversarialFramesTest.SLOW_MACHINE);
                try {
                    assertThat(SpawnedBackend.awaitLog(backend, "comet accepted the user, CONNECTED", START))
                            .as("u7002 logged in; log:\n%s", backend.logTail(20)).isTrue();
                    main.destroyForcibly().waitFor();
                    assertCleanExit(backend);
                } finally {
                    backend.destroy();
                }
            } finally {
                main.destroyForcibly();
            }
        }
    }

    static Login login(long id) {
        return Login.newBuilder().setUser("u" + id + "@localhost").setLegacyName(Long.toString(id))
                .setPassword("key" + id).build();
    }

    static CometServerProcess.Settings cometSettings(String name) {
        return CometServerProcess.Settings.inMemory(SpawnedBackend.workDir().resolve(name), "faultkey");
    }

    private static void assertCleanExit(BackendProcess backend) throws InterruptedException {
        long millis = SpawnedBackend.millisToExit(backend, EXIT_LIMIT);
        assertThat(millis).as("ms until the backend exited (-1: still alive after 5 s); log:\n%s",
                backend.logTail(30)).isBetween(0L, EXIT_LIMIT.toMillis());
        assertThat(backend.exitCode()).as("exit code; log:\n%s", backend.logTail(30)).isZero();
    }

    /** {@link RawMain} as its own process; with {@code login} = id, key it logs that user in after PING. */
    private static Process startMainProcess(String... login) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), RawMain.class.getName()));
        argv.addAll(List.of(login));
        return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int portOf(Process main) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the main process's port line").startsWith("raw-main port=");
        return Integer.parseInt(line.substring("raw-main port=".length()));
    }
}
