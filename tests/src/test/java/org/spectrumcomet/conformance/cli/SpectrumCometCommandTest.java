package org.spectrumcomet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.broken.NoPongBackend;
import org.spectrumcomet.echo.EchoBackend;

class SpectrumCometCommandTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = SpectrumCometCommand.execute(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void conformancePrintsAMarkdownTableAndExitsZeroWhenAllPass() {
        Outcome o = execute("conformance", "--backend", JavaBackendCommand.of(EchoBackend.class), "--suite", "handshake,vcard",
                "--ping-interval", "1", "--work-dir", JavaBackendCommand.workDir("cli-echo").toString());
        assertThat(o.out()).contains("| suite | scenario | result |").contains("| handshake | first-ping | pass |")
                .contains("| vcard | request | pass |").contains("2 passed, 0 failed");
        assertThat(o.exit()).isZero();
    }

    @Test
    void conformanceExitsNonZeroWithTheReasonWhenAScenarioFails() {
        Outcome o = execute("conformance", "--backend", JavaBackendCommand.of(NoPongBackend.class), "--suite", "handshake",
                "--ping-interval", "1", "--work-dir", JavaBackendCommand.workDir("cli-nopong").toString());
        assertThat(o.out()).contains("| handshake | first-ping | **FAIL** |").contains("no PONG within 2000 ms")
                .contains("backend log:");
        assertThat(o.exit()).isEqualTo(ConformanceCommand.EXIT_FAILED);
    }

    @Test
    void theEchoBackendRunsThroughTheLauncherEntryPoint() {
        String command = JavaBackendCommand.of(SpectrumCometCommand.class) + " " + SpectrumCometCommand.ECHO_BACKEND;
        Outcome o = execute("conformance", "--backend", command, "--suite", "handshake",
                "--ping-interval", "1", "--work-dir", JavaBackendCommand.workDir("cli-entry").toString());
        assertThat(o.out()).contains("| handshake | first-ping | pass |");
        assertThat(o.exit()).isZero();
    }

    @Test
    void extraConfigTextReachesTheTransportConfig(@TempDir Path tmp) throws IOException {
        Path extra = Files.writeString(tmp.resolve("extra.cfg"), "[comet]\nurl = ws://127.0.0.1:1\n");
        Path work = tmp.resolve("work");
        // A backend that fails the handshake keeps its config file for inspection.
        Outcome o = execute("conformance", "--backend", JavaBackendCommand.of(NoPongBackend.class), "--suite", "handshake",
                "--ping-interval", "1", "--extra-config", extra.toString(), "--work-dir", work.toString());
        assertThat(o.exit()).isEqualTo(ConformanceCommand.EXIT_FAILED);
        assertThat(Files.readString(work.resolve("handshake-first-ping.cfg")))
                .contains("[service]\njid = localhost").endsWith("[comet]\nurl = ws://127.0.0.1:1\n");
    }

    @Test
    void anUnknownSuiteIsAUsageError() {
        Outcome o = execute("conformance", "--backend", "/bin/true", "--suite", "nope");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("unknown suite 'nope'").contains("handshake");
    }

    @Test
    void demoRefusesANonPositiveTimeout() {
        Outcome o = execute("demo", "--timeout", "0");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("demo: --timeout must be a positive number of seconds");
    }

    @Test
    void theLauncherSaysHowToBuildWhenTheJarIsMissing(@TempDir Path root) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path launcher = Files.copy(Path.of("..", "bin", "spectrum-comet"), bin.resolve("spectrum-comet"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process p = new ProcessBuilder(launcher.toString(), "conformance").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(output).contains("spectrum-comet: not built yet — run: mvn -B -ntp -DskipTests package");
    }
}
