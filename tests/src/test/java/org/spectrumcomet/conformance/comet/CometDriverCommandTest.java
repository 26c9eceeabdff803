package org.spectrumcomet.conformance.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.cli.SpectrumCometCommand;

/** {@code conformance --driver comet}: with its own comet server, with a running one, and usage errors. */
class CometDriverCommandTest {

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
    void theCometDriverStartsItsOwnServer() {
        Outcome o = execute("conformance", "--backend", JavaBackendCommand.of(SpectrumCometBackend.class),
                "--driver", "comet", "--suite", "chat", "--ping-interval", "1",
                "--work-dir", JavaBackendCommand.workDir("cli-comet").toString());
        assertThat(o.out()).contains("| chat | one-to-one | pass |").contains("| chat | receipt | pass |")
                .contains("4 passed, 0 failed");
        assertThat(o.exit()).isZero();
    }

    @Test
    void theCometDriverUsesARunningServer() throws Exception {
        try (CometServerProcess server = CometServerProcess.start(CometServerProcess.Settings.inMemory(
                JavaBackendCommand.workDir("cli-comet-running"), "runningkey").withMaxQueuedPerUser(3))) {
            CometTarget t = server.target();
            Outcome o = execute("conformance", "--backend", JavaBackendCommand.of(SpectrumCometBackend.class),
                    "--driver", "comet", "--suite", "login,vcard", "--ping-interval", "1",
                    "--comet-cometql", "127.0.0.1:" + t.cometqlPort(), "--comet-ws", "127.0.0.1:" + t.wsPort(),
                    "--comet-tenant", "0:runningkey",
                    "--work-dir", JavaBackendCommand.workDir("cli-comet-running").toString());
            assertThat(o.out()).contains("| login | authentication-failed | pass |")
                    .contains("| login | network-error-gives-up | pass |").contains("7 passed, 0 failed");
            assertThat(o.exit()).isZero();
        }
    }

    @Test
    void cometOptionsNeedTheCometDriverAndGoTogether() {
        Outcome echo = execute("conformance", "--backend", "/bin/true", "--comet-ws", "127.0.0.1:1");
        assertThat(echo.exit()).isEqualTo(2);
        assertThat(echo.err()).contains("--comet-* options need --driver comet");
        Outcome partial = execute("conformance", "--backend", "/bin/true", "--driver", "comet", "--comet-ws", "127.0.0.1:1");
        assertThat(partial.exit()).isEqualTo(2);
        assertThat(partial.err()).contains("go together");
        Outcome bad = execute("conformance", "--backend", "/bin/true", "--driver", "comet", "--comet-cometql", "127.0.0.1:1",
                "--comet-ws", "127.0.0.1:2", "--comet-tenant", "zero:key");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--comet-tenant 'zero:key': expected ID:KEY");
    }
}
