package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code mariadb} command-line client with its default options (no {@code --skip-ssl}: we do
 * not advertise TLS, so it must go on without). Skipped only when the binary is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CometQlMariaDbCliTest {
    CometQlServer server;
    String binary;

    @BeforeAll
    void start() throws Exception {
        binary = findBinary();
        Assumptions.assumeTrue(binary != null,
                "the mariadb (or mysql) command-line client is not installed: apt-get install -y mariadb-client");
        server = new CometQlServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("mariadb", "mysql")) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    private CliResult run(String user, String key, String statement) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary, "-h127.0.0.1", "-P" + server.port(), "-u" + user,
                "-p" + key, "-DCometQL_v1", "-e", statement));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mariadb CLI finished").isTrue();
        return new CliResult(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record CliResult(int exit, String output) {
    }

    @Test
    void insertThenSelectHistory() throws Exception {
        RecordingClient client = new RecordingClient();
        server.engine.subscribe(server.engine.attach("0", 0, client), List.of("p10"));
        assertThat(run("0", CometQlServer.ROOT_KEY, "INSERT INTO pipes_settings (name, length) VALUES ('p10', 10)").exit())
                .isZero();
        CliResult insert = run("0", CometQlServer.ROOT_KEY,
                "INSERT INTO pipes_messages (name, event, message) VALUES ('p10','e','hi')");
        assertThat(insert.exit()).as(insert.output()).isZero();
        assertThat(client.dataOn("p10")).containsExactly("hi");

        CliResult select = run("root", CometQlServer.ROOT_KEY, "SELECT name, event, message FROM pipes_messages WHERE name = 'p10'");
        assertThat(select.exit()).as(select.output()).isZero();
        assertThat(select.output()).contains("name\tevent\tmessage").contains("p10\te\thi");
    }

    @Test
    void errorsCarryTheirCode() throws Exception {
        CliResult result = run("0", CometQlServer.ROOT_KEY, "SELECT * FROM nosuch WHERE name = 'abc'");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("ERROR 15").contains("nosuch");
        CliResult denied = run("0", "wrong-key", "SELECT 1");
        assertThat(denied.exit()).isNotZero();
        assertThat(denied.output()).contains("ERROR 16");
    }
}
