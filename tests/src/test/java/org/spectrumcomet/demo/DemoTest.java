package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.cli.SpectrumCometCommand;
import org.spectrumcomet.echo.EchoBackend;

/**
 * Runs {@code spectrum-comet demo} in this JVM through the command line entry point, with the real
 * bridge spawned as its own process: as this JVM's class path (always available under Maven) and,
 * when the bridge is packaged, through {@code bin/spectrum-comet-backend} exactly as an operator runs it.
 */
class DemoTest {

    private record Outcome(int exit, String out, String err, long millis) {
    }

    private static Outcome demo(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] argv = new String[args.length + 1];
            argv[0] = "demo";
            System.arraycopy(args, 0, argv, 1, args.length);
            int exit = SpectrumCometCommand.execute(argv);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void assertTheStory(Outcome o) {
        assertThat(o.err()).doesNotContain("FAILED");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains(
                "[comet] metrics: curl http://127.0.0.1:",
                "[xmpp alice] <- CONNECTED",
                "[xmpp alice] <- buddy bob is online",
                "[xmpp alice] -> bob: Hello from XMPP",
                "[web bob] <- alice: Hello from XMPP",
                "[xmpp alice] <- receipt for m1",
                "[web bob] -> alice: Hello from the web",
                "[xmpp alice] <- bob: Hello from the web",
                "[xmpp alice] <- demo_room participants: bob, alice (me)",
                "] bob: Anyone here?",
                "[web bob] <- demo_room alice: Hi room, alice here",
                "[xmpp alice] <- demo_room bob: Welcome, alice",
                "[xmpp alice] <- buddy bob is offline (last seen ",
                "[spectrum] EXIT: backend exited with code 0",
                "[comet] server stopped",
                "demo OK");
        // The story in order: presence before chat, chat before the room, bob offline at the end.
        assertThat(o.out().indexOf("buddy bob is online")).isLessThan(o.out().indexOf("-> bob: Hello"));
        assertThat(o.out().indexOf("<- bob: Hello from the web")).isLessThan(o.out().indexOf("joins demo_room"));
        assertThat(o.out().indexOf("Welcome, alice")).isLessThan(o.out().indexOf("last seen"));
    }

    @Test
    void theRealBridgeCarriesTheWholeStoryAndTheDemoExitsZero(@TempDir Path work) {
        Outcome o = demo("--backend", JavaBackendCommand.of(SpectrumCometBackend.class), "--work-dir", work.toString());
        assertTheStory(o);
        assertThat(o.out()).contains("spawned " + JavaBackendCommand.of(SpectrumCometBackend.class));
        assertThat(work.resolve("spectrum-comet-backend.cfg")).content()
                .contains("backend_port = ").contains("[comet]\ncometql = 127.0.0.1:").contains("dev_key = ");
    }

    @Test
    void byDefaultTheDemoSpawnsTheBridgeLauncherAsAnOperatorWould() throws DemoFailure {
        Path launcher;
        try {
            launcher = BridgeLauncher.locate();
        } catch (DemoFailure notBuilt) {
            assumeTrue(false, "the bridge is not packaged (mvn package / verify builds it): " + notBuilt.getMessage());
            return;
        }
        Outcome o = demo("--verbose");
        assertTheStory(o);
        assertThat(o.out()).contains("spawned " + launcher + " (pid ")
                .contains("    [spectrum] main -> backend TYPE_LOGIN{user: \"alice@localhost\" legacyName: \"1001\"")
                .contains("    [web bob] <- {\"authorized\":true")
                .contains("    [site] CometQL -> INSERT INTO users_messages (id, event, message) VALUES (1001, 'message', "
                        + "'{\"from\":\"2002\",\"nick\":\"bob\",\"text\":\"Hello from the web\"");
    }

    @Test
    void aStepThatDoesNotHappenFailsTheDemoWithinItsTimeLimit(@TempDir Path work) throws Exception {
        // The echo backend logs users in but knows nothing of comet: bob's presence never arrives.
        // 10 s in all: time for a backend JVM to start on a busy 2-core machine.
        Outcome o = demo("--backend", JavaBackendCommand.of(EchoBackend.class), "--timeout", "10", "--work-dir",
                work.toString());
        assertThat(o.exit()).isEqualTo(Demo.EXIT_FAILED);
        assertThat(o.out()).contains("[xmpp alice] <- CONNECTED").doesNotContain("demo OK");
        assertThat(o.err()).contains("demo FAILED at step \"bob shows offline\": BUDDY_CHANGED bob STATUS_NONE did not arrive")
                .contains("backend log " + work.resolve("spectrum-comet-backend.log"))
                .contains("transport config and backend log kept in " + work);
        assertThat(o.millis()).isLessThan(30_000);
        assertThat(Files.exists(work.resolve("spectrum-comet-backend.log"))).isTrue();
    }

    @Test
    void aBackendThatDiesAtStartFailsTheDemoAtOnce() {
        Outcome o = demo("--backend", "/bin/false");
        assertThat(o.exit()).isEqualTo(Demo.EXIT_FAILED);
        assertThat(o.err()).contains("demo FAILED at step \"backend answers PING\": the backend exited with code 1 "
                + "before connecting").contains("last frames:\n    (none)");
        assertThat(o.millis()).isLessThan(10_000);
    }

    @Test
    void withoutABuiltBridgeTheDemoSaysHowToBuildIt(@TempDir Path root) throws Exception {
        String old = System.getProperty(BridgeLauncher.HOME_PROPERTY);
        System.setProperty(BridgeLauncher.HOME_PROPERTY, root.toString());
        try {
            Outcome o = demo();
            assertThat(o.exit()).isEqualTo(Demo.EXIT_FAILED);
            assertThat(o.err()).contains("demo FAILED at step \"find the bridge\"")
                    .contains(root.resolve("bin/spectrum-comet-backend") + " is missing");
        } finally {
            if (old == null) {
                System.clearProperty(BridgeLauncher.HOME_PROPERTY);
            } else {
                System.setProperty(BridgeLauncher.HOME_PROPERTY, old);
            }
        }
    }
}
