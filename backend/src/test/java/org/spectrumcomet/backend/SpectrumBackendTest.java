package org.spectrumcomet.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.backend.config.ConfigException;
import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.link.FakeMain;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class SpectrumBackendTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeMain main;

    @AfterEach
    void tearDown() {
        if (main != null) {
            main.close();
        }
    }

    private int run(BackendDefinition definition, String... args) {
        return SpectrumBackend.run(args, definition, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private CompletableFuture<Integer> runAsync(BackendDefinition definition, String... args) {
        return CompletableFuture.supplyAsync(() -> run(definition, args));
    }

    private Path config(String text) throws Exception {
        Path file = dir.resolve("spectrum.cfg");
        Files.writeString(file, text);
        return file;
    }

    private static BackendDefinition.Builder echo(RuntimeLimits limits) {
        return BackendDefinition.builder("echo", "1.2.3")
                .features(BackendFeatures.builder().needPassword(false).needRegistration(false).build())
                .limits(limits);
    }

    private static RuntimeLimits fastLimits() {
        return new RuntimeLimits(Duration.ofSeconds(30), 2, Duration.ofMillis(50), 4, 100,
                Duration.ofSeconds(1), 1024 * 1024, 1024 * 1024);
    }

    private String[] argv(Path cfg) {
        return new String[] {"--host", "127.0.0.1", "--port", Integer.toString(main.port()),
            "--service.backend_id=1", "-n", cfg.toString()};
    }

    /** Sessions that connect every user; messages from "slow@x" sleep 10 s, from "bad@x" throw, others echo. */
    private static Handlers handlers(MainInstance m, List<String> logins) {
        SessionHandler sessions = new SessionHandler() {
            @Override
            public void login(Protocol.Login login) {
                logins.add(login.getUser());
                m.connected(login.getUser());
                m.connected(login.getUser());
            }

            @Override
            public void logout(Protocol.Logout logout) {
            }
        };
        MessageHandler messages = msg -> {
            switch (msg.getUserName()) {
                case "slow@x" -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "bad@x" -> throw new IllegalStateException("broken handler");
                default -> m.message(msg.getUserName(), ChatMessage.builder(msg.getBuddyName(), msg.getMessage()).build());
            }
        };
        return Handlers.builder().session(sessions).messages(messages).build();
    }

    private static SpectrumMessage login(String user) {
        return SpectrumMessage.of(Type.TYPE_LOGIN,
                Protocol.Login.newBuilder().setUser(user).setLegacyName(user).setPassword("").build());
    }

    private static SpectrumMessage message(String user, String text) {
        return SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder()
                .setUserName(user).setBuddyName("bob").setMessage(text).build());
    }

    @Test
    void fullLifecycleAgainstAFakeMain() throws Exception {
        main = new FakeMain();
        Path cfg = config("[service]\njid = t.example\n");
        List<String> logins = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> exit = runAsync(echo(fastLimits()).handlers(c -> handlers(c.mainInstance(), logins)).build(),
                argv(cfg));

        assertThat(main.next(3000).type()).isEqualTo(Type.TYPE_BACKEND_CONFIG);
        main.ping();
        assertThat(main.next(2000).type()).isEqualTo(Type.TYPE_PONG);
        assertThat(main.next(2000).message().payload(Protocol.Stats.class).getId())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));

        // LOGIN answered exactly once although the handler answers twice
        main.send(login("a@x"));
        assertThat(main.next(2000).message().payload(Protocol.Connected.class).getUser()).isEqualTo("a@x");

        // a handler stuck for 10 s does not delay PONG
        main.send(login("slow@x"));
        main.next(Type.TYPE_CONNECTED, 2000);
        main.send(message("slow@x", "zzz"));
        Thread.sleep(100);
        long sent = System.nanoTime();
        main.ping();
        FakeMain.Received pong = main.next(2000);
        assertThat(pong.type()).isEqualTo(Type.TYPE_PONG);
        assertThat(TimeUnit.NANOSECONDS.toMillis(pong.nanos() - sent)).isLessThan(500);
        assertThat(main.next(2000).type()).isEqualTo(Type.TYPE_STATS);

        // a throwing handler affects only its user; the others still get their echo
        main.send(login("bad@x"));
        main.next(Type.TYPE_CONNECTED, 2000);
        main.send(message("bad@x", "boom"));
        main.send(message("a@x", "hello"));
        Protocol.ConversationMessage echo = main.next(Type.TYPE_CONV_MESSAGE, 2000).message()
                .payload(Protocol.ConversationMessage.class);
        assertThat(echo.getUserName()).isEqualTo("a@x");
        assertThat(echo.getMessage()).isEqualTo("hello");

        assertThat(main.poll(200)).as("no second CONNECTED or anything else").isNull();
        assertThat(logins).containsExactly("a@x", "slow@x", "bad@x");

        main.send(SpectrumMessage.of(Type.TYPE_EXIT));
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void featuresComputedFromTheConfigReachBackendConfig() throws Exception {
        main = new FakeMain();
        BackendDefinition d = BackendDefinition.builder("echo", "1.2.3").limits(fastLimits())
                .features(c -> BackendFeatures.builder().needPassword(true)
                        .needRegistration(!c.service().getBoolean("server_mode", false)).build())
                .handlers(Handlers.builder().build()).build();
        CompletableFuture<Integer> exit = runAsync(d, argv(config("[service]\njid = t.example\nserver_mode = 1\n")));

        String text = main.next(Type.TYPE_BACKEND_CONFIG, 3000).message().payload(Protocol.BackendConfig.class).getConfig();
        assertThat(text).contains("needRegistration=0").contains("needPassword=1");
        main.disconnectBackend();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aConfigErrorWhileComputingFeaturesExitsWithTwo() throws Exception {
        main = new FakeMain();
        BackendDefinition d = BackendDefinition.builder("echo", "1.2.3").limits(fastLimits())
                .features(c -> {
                    throw c.service().invalid("server_mode", "not for this backend");
                })
                .handlers(Handlers.builder().build()).build();

        assertThat(run(d, argv(config("[service]\nserver_mode = 1\n")))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("server_mode").contains("not for this backend");
    }

    @Test
    void eofExitsWithZero() throws Exception {
        main = new FakeMain();
        CompletableFuture<Integer> exit = runAsync(echo(fastLimits()).handlers(Handlers.builder().build()).build(),
                argv(config("")));
        main.next(Type.TYPE_BACKEND_CONFIG, 3000);
        main.disconnectBackend();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void watchdogExitsWithOne() throws Exception {
        main = new FakeMain();
        CompletableFuture<Integer> exit = runAsync(echo(fastLimits().withPingTimeout(Duration.ofMillis(300)))
                .handlers(Handlers.builder().build()).build(), argv(config("")));
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        main.backendClosed().get(2, TimeUnit.SECONDS);
    }

    @Test
    void missingConfigExitsWithTwoAndOneLine() {
        int code = run(echo(fastLimits()).handlers(Handlers.builder().build()).build(),
                "--host", "127.0.0.1", "--port", "1", dir.resolve("nope.cfg").toString());
        assertThat(code).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("echo: " + dir.resolve("nope.cfg") + ": config file not found");
        assertThat(text.strip()).doesNotContain("\n");
    }

    @Test
    void configErrorFromTheHandlerFactoryExitsWithTwo() throws Exception {
        Path cfg = config("[comet]\nport = x\n");
        int code = run(echo(fastLimits()).handlers(c -> {
            c.config().section("comet").getInt("port", 0);
            return Handlers.builder().build();
        }).build(), "--port", "1", cfg.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(cfg + ":2: comet.port: not an integer");
    }

    @Test
    void unreachableMainExitsWithOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = run(echo(fastLimits()).handlers(Handlers.builder().build()).build(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), config("").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("echo: cannot connect to the Spectrum main instance at 127.0.0.1:" + port);
    }

    @Test
    void helpAndVersion() {
        BackendDefinition d = echo(fastLimits()).handlers(Handlers.builder().build()).build();
        assertThat(run(d, "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("echo 1.2.3" + System.lineSeparator());
        assertThat(run(d, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--host", "--service.backend_id", "section.key=value");
    }

    @Test
    void aFactoryThatFailsExitsWithOne() throws Exception {
        int code = run(echo(fastLimits()).handlers(c -> {
            throw new IllegalStateException("cannot reach the legacy network");
        }).build(), "--port", "1", config("").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed to start").contains("cannot reach");
    }

    @Test
    void configExceptionIsOneLine() {
        assertThat(new ConfigException("a\nb").getMessage()).isEqualTo("a b");
    }
}
