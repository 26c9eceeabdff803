package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.ServerProcess;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * Every example of the CometQL seed (spec §I.3), typed into the {@code mariadb} command-line
 * client with its default options, against the server process {@code bin/comet-server} runs
 * (durable store in a data directory). Each statement is one CLI run, as a user would type it;
 * deliveries are watched by real CppComet WebSocket clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CometQlSeedExamplesCliTest {

    private static final String KEY = "seedkey";
    /** comet.ini's [limits] max_queued_per_user for this server. */
    private static final int MAX_QUEUED = 5;
    private static final Pattern AFFECTED = Pattern.compile("Query OK, (\\d+) rows? affected");
    private static final Pattern ERROR = Pattern.compile("ERROR (\\d+) \\(HY000\\)");

    @TempDir
    static Path dir;
    private ServerProcess server;
    private String binary;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<FrameClient> sockets = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        binary = findBinary();
        Assumptions.assumeTrue(binary != null,
                "the mariadb command-line client is not installed: apt-get install -y mariadb-client");
        Path ini = dir.resolve("comet.ini");
        java.nio.file.Files.writeString(ini, "[limits]\nmax_queued_per_user = " + MAX_QUEUED + "\n");
        server = ServerProcess.launch(dir, "--config", ini.toString(), "--data-dir", dir.resolve("data").toString(),
                "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0", "--tenant", "0:" + KEY);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(FrameClient::close);
        sockets.clear();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    // ---- pipes_messages ------------------------------------------------------------------

    @Test
    void pipesMessagesInsertDeliversAndKeepsHistory() throws Exception {
        FrameClient subscriber = socket("", 0, "seed_pipe");
        assertThat(affected("INSERT INTO pipes_settings (name, length) VALUES ('seed_pipe', 10)")).isEqualTo(1);
        assertThat(affected("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', 'ev1', 'hello seed')"))
                .isZero();
        JsonNode frame = subscriber.next();
        assertThat(frame.path("pipe").asText()).isEqualTo("seed_pipe");
        assertThat(frame.path("event").asText()).isEqualTo("ev1");
        assertThat(frame.path("data").asText()).isEqualTo("hello seed");
        assertThat(frame.path("message_send_time").asLong()).isPositive();

        // JSON text stays a JSON string; escapes are relayed byte for byte
        affected("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', 'ev2', '{\"n\":2}')");
        assertThat(subscriber.next().get("data").isTextual()).isTrue();
        affected("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', 'ev3', 'it\\'s a''b x\\ny')");
        assertThat(subscriber.next().path("data").asText()).isEqualTo("it\\'s a\\'b x\\ny");
        // an empty event is allowed; history shows it as `undefined`
        affected("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', '', 'no event')");

        Result history = select("SELECT * FROM pipes_messages WHERE name = 'seed_pipe'");
        assertThat(history.columns()).containsExactly("id", "time", "name", "index", "event", "message", "user_id");
        assertThat(history.column("message")).containsExactly("hello seed", "{\"n\":2}", "it\\'s a\\'b x\\ny", "no event");
        assertThat(history.column("index")).containsExactly("0", "1", "2", "3");
        assertThat(history.column("event")).containsExactly("ev1", "ev2", "ev3", "undefined");
        assertThat(history.column("user_id")).containsOnly("0");
        assertThat(select("SELECT message FROM pipes_messages WHERE name = 'seed_pipe' LIMIT 2").column("message"))
                .containsExactly("hello seed", "{\"n\":2}");

        // DELETE by id alone (CppComet's form), then by name
        assertThat(affected("DELETE FROM pipes_messages WHERE id = '" + history.column("id").get(0) + "'")).isZero();
        assertThat(select("SELECT message FROM pipes_messages WHERE name = 'seed_pipe'").column("message"))
                .containsExactly("{\"n\":2}", "it\\'s a\\'b x\\ny", "no event");
        assertThat(affected("DELETE FROM pipes_messages WHERE name = 'seed_pipe'")).isZero();
        assertThat(select("SELECT * FROM pipes_messages WHERE name = 'seed_pipe'").rows()).isEmpty();
        assertThat(select("SELECT * FROM pipes_messages WHERE name = 'no_history'").rows()).isEmpty();
    }

    @Test
    void historyIsAtMost99RowsAndTrustPipesKeepWithoutSetting() throws Exception {
        affected("INSERT INTO pipes_messages (name, event, message) VALUES ('trust_seed', 'e', 'kept')");
        assertThat(select("SELECT message FROM pipes_messages WHERE name = 'trust_seed'").column("message"))
                .containsExactly("kept");
        affected("INSERT INTO pipes_settings (name, length) VALUES ('seed_short', 2)");
        for (int i = 1; i <= 3; i++) {
            affected("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_short', 'e', 'm" + i + "')");
        }
        assertThat(select("SELECT message FROM pipes_messages WHERE name = 'seed_short'").column("message"))
                .containsExactly("m2", "m3");
    }

    @Test
    void pipesMessagesRefusalsCarryTheSeedsCodes() throws Exception {
        assertThat(error("INSERT INTO pipes_messages (name, message) VALUES ('seed_pipe', 'm')")).isEqualTo(12);
        assertThat(error("INSERT INTO pipes_messages (name, event) VALUES ('seed_pipe', 'e')")).isEqualTo(12);
        assertThat(error("INSERT INTO pipes_messages (name, event, message) VALUES ('p1', 'e', 'm')")).isEqualTo(17);
        assertThat(error("INSERT INTO pipes_messages (name, event, message) VALUES ('" + "p".repeat(65) + "', 'e', 'm')"))
                .isEqualTo(11);
        assertThat(error("INSERT INTO pipes_messages (name, event, message) VALUES ('bad pipe', 'e', 'm')")).isEqualTo(12);
        assertThat(error("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', '" + "e".repeat(65)
                + "', 'm')")).isEqualTo(11);
        assertThat(error("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', 'bad.event', 'm')"))
                .isEqualTo(12);
    }

    // ---- pipes, users_in_pipes -----------------------------------------------------------

    @Test
    void pipesAndUsersInPipesAreReadOnlyViewsOfSubscribers() throws Exception {
        affected("INSERT INTO users_auth (id, hash) VALUES (21, 'hash21')");
        socket("", 0, "seed_watch");
        socket("hash21", 21, "seed_watch");
        assertThat(select("SELECT * FROM pipes WHERE name = 'seed_watch'").rows())
                .containsExactly(List.of("seed_watch", "2"));
        assertThat(select("SELECT * FROM pipes WHERE name = 'seed_nobody'").rows())
                .containsExactly(List.of("seed_nobody", "0"));
        Result users = select("SELECT * FROM users_in_pipes WHERE name = 'seed_watch'");
        assertThat(users.columns())
                .containsExactly("name", "user_id", "user_uuid", "user_agent", "ip", "origin", "language");
        assertThat(users.column("user_id")).containsExactlyInAnyOrder("0", "21");
        assertThat(users.column("ip")).containsOnly("127.0.0.1");
        assertThat(select("SELECT * FROM users_in_pipes WHERE name = 'seed_nobody'").rows()).isEmpty();
        assertThat(error("INSERT INTO pipes (name, users) VALUES ('seed_watch', 1)")).isEqualTo(10);
        assertThat(error("DELETE FROM pipes WHERE name = 'seed_watch'")).isEqualTo(10);
        assertThat(error("INSERT INTO users_in_pipes (name, user_id) VALUES ('seed_watch', 1)")).isEqualTo(10);
        assertThat(error("DELETE FROM users_in_pipes WHERE name = 'seed_watch'")).isEqualTo(10);
    }

    // ---- pipes_settings -----------------------------------------------------------------

    @Test
    void pipesSettingsSetReadAndDelete() throws Exception {
        assertThat(affected("INSERT INTO pipes_settings (name, length) VALUES ('seed_set', 99)")).isEqualTo(1);
        assertThat(affected("INSERT INTO pipes_settings (name) VALUES ('seed_zero')")).isEqualTo(1);
        assertThat(select("SELECT * FROM pipes_settings WHERE name IN ('seed_set', 'seed_zero', 'seed_unset')").rows())
                .containsExactly(List.of("seed_set", "99"), List.of("seed_zero", "0"));
        assertThat(error("INSERT INTO pipes_settings (name, length) VALUES ('seed_set', 100)")).as("refused, not clamped")
                .isEqualTo(12);
        affected("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_set', 'e', 'kept')");
        assertThat(affected("DELETE FROM pipes_settings WHERE name = 'seed_set'")).isZero();
        assertThat(select("SELECT * FROM pipes_settings WHERE name = 'seed_set'").rows()).isEmpty();
        assertThat(select("SELECT * FROM pipes_messages WHERE name = 'seed_set'").rows()).as("history removed too")
                .isEmpty();
    }

    // ---- users_auth ---------------------------------------------------------------------

    @Test
    void usersAuthStoresKeysAndDeleteDisconnects() throws Exception {
        assertThat(run("-vvv", "INSERT INTO users_auth (id, hash) VALUES (7, 'hash7secret'); SELECT LAST_INSERT_ID()")
                .output()).contains("Query OK, 1 row affected").containsPattern("\\| 7 +\\|");
        assertThat(select("SELECT * FROM users_auth WHERE id = 7").rows()).containsExactly(List.of("7", "hash7secret"));
        assertThat(select("SELECT * FROM users_auth WHERE id IN (7, 8)").rows()).containsExactly(List.of("7", "hash7secret"));
        assertThat(affected("INSERT INTO users_auth (id, hash) VALUES (999999999, 'max9digits')")).isEqualTo(1);

        FrameClient user7 = socket("hash7secret", 7);
        assertThat(affected("DELETE FROM users_auth WHERE id = 7")).isZero();
        assertThat(user7.closeCode()).as("DELETE closes the user's connections").isNotEmpty();
        assertThat(select("SELECT * FROM users_auth WHERE id = 7").rows()).isEmpty();

        assertThat(error("INSERT INTO users_auth (id, hash) VALUES (0, 'zero')")).isEqualTo(12);
        assertThat(error("INSERT INTO users_auth (id, hash) VALUES (1234567890, 'tendigits')")).isEqualTo(12);
        assertThat(error("INSERT INTO users_auth (id, hash) VALUES (7, '" + "h".repeat(33) + "')")).isEqualTo(11);
        assertThat(error("INSERT INTO users_auth (id, hash) VALUES (7, 'bad hash!')")).isEqualTo(12);
    }

    // ---- users_messages -----------------------------------------------------------------

    @Test
    void usersMessagesDeliverLiveOrQueueExactlyOnce() throws Exception {
        affected("INSERT INTO users_auth (id, hash) VALUES (8, 'hash8')");
        assertThat(affected("INSERT INTO users_messages (id, event, message) VALUES (8, 'queued_ev', 'sent while offline')"))
                .isZero();
        assertThat(affected("INSERT INTO users_messages VALUES (8, 'ignored-index', 'ev4', 'four values')")).isZero();
        Result queue = select("SELECT * FROM users_messages WHERE id = 8");
        assertThat(queue.columns()).containsExactly("id", "index", "event", "message");
        assertThat(queue.column("message")).containsExactly("sent while offline", "four values");
        assertThat(error("INSERT INTO users_messages VALUES (8, 'ev', 'three values')")).isEqualTo(14);

        FrameClient user8 = socket("hash8", 8);
        JsonNode first = user8.next();
        assertThat(first.path("pipe").asText()).isEqualTo("msg");
        assertThat(first.path("event").asText()).isEqualTo("queued_ev");
        assertThat(first.path("fromQueue").asBoolean()).isTrue();
        assertThat(user8.next().path("data").asText()).isEqualTo("four values");
        // The entry is removed once the connection accepted it; that commit may land just after the frame.
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!select("SELECT * FROM users_messages WHERE id = 8").rows().isEmpty() && System.nanoTime() < gone) {
            Thread.sleep(10);
        }
        assertThat(select("SELECT * FROM users_messages WHERE id = 8").rows()).as("delivered once, then gone").isEmpty();

        affected("INSERT INTO users_messages (id, event, message) VALUES (8, 'ev_private', 'private hello')");
        JsonNode live = user8.next();
        assertThat(live.path("data").asText()).isEqualTo("private hello");
        assertThat(live.has("fromQueue")).isFalse();
        user8.close();
        socket("hash8", 8).expectSilence(java.time.Duration.ofMillis(300));

        affected("INSERT INTO users_messages (id, event, message) VALUES (9, 'e', 'to clear')");
        assertThat(affected("DELETE FROM users_messages WHERE id = 9")).isZero();
        assertThat(select("SELECT * FROM users_messages WHERE id = 9").rows()).as("DELETE clears the queue").isEmpty();
    }

    @Test
    void aFullOfflineQueueRefusesTheInsert() throws Exception {
        for (int i = 1; i <= MAX_QUEUED; i++) {
            affected("INSERT INTO users_messages (id, event, message) VALUES (12, 'e', 'm" + i + "')");
        }
        CliResult full = run("INSERT INTO users_messages (id, event, message) VALUES (12, 'e', 'one too many')");
        assertThat(full.output()).contains("ERROR 22 ").contains("queue").contains("full");
        assertThat(select("SELECT message FROM users_messages WHERE id = 12").column("message"))
                .containsExactly("m1", "m2", "m3", "m4", "m5");
    }

    // ---- users_time ---------------------------------------------------------------------

    @Test
    void usersTimeIsReadOnlyPresence() throws Exception {
        affected("INSERT INTO users_auth (id, hash) VALUES (11, 'hash11')");
        assertThat(select("SELECT * FROM users_time WHERE id = 11").rows()).containsExactly(List.of("11", "-1"));
        FrameClient user11 = socket("hash11", 11);
        assertThat(select("SELECT time FROM users_time WHERE id = 11").column("time")).containsExactly("0");
        user11.close();
        long before = System.currentTimeMillis() / 1000 - 1;
        long[] seen = new long[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            seen[0] = Long.parseLong(select("SELECT time FROM users_time WHERE id = 11").column("time").get(0));
        } while (seen[0] <= 0 && System.nanoTime() < deadline); // offline in memory first, then stored
        assertThat(seen[0]).as("last seen after the disconnect").isGreaterThanOrEqualTo(before);
        assertThat(error("INSERT INTO users_time (id, time) VALUES (11, 1)")).isEqualTo(10);
        assertThat(run("DELETE FROM users_time WHERE id = 11").output()).contains("Table `users_time` is read only");
    }

    // ---- the dialect's rules ------------------------------------------------------------

    @Test
    void keyColumnRuleAndUnsupportedSql() throws Exception {
        assertThat(error("SELECT * FROM pipes_messages")).isEqualTo(13);
        assertThat(error("SELECT * FROM pipes_messages WHERE event = 'e'")).isEqualTo(13);
        assertThat(error("DELETE FROM users_auth WHERE hash = 'x'")).isEqualTo(13);
        assertThat(error("SELECT * FROM users_time")).isEqualTo(13);
        assertThat(error("SELECT * FROM pipes WHERE name = 'seed_a' AND name = 'seed_b'")).isEqualTo(13);
        assertThat(error("SELECT * FROM pipes WHERE name = 'seed_a' OR name = 'seed_b'")).isEqualTo(13);
        CliResult or = run("SELECT * FROM pipes WHERE name = 'seed_a' OR users = 1");
        assertThat(or.output()).contains("ERROR 2 ").contains("Operator OR is not yet implemented");
        CliResult orderBy = run("SELECT * FROM pipes_messages WHERE name = 'seed_a' ORDER BY id");
        assertThat(orderBy.output()).contains("ERROR 2 ").contains("Token ORDER BY is not yet implemented");
        // comparison operators are refused rather than read as `=` (CppComet's quirk)
        assertThat(error("SELECT * FROM users_time WHERE id > 7")).isEqualTo(2);
        assertThat(select("SELECT name FROM pipes WHERE name IN ('seed_a', 'seed_b', 'seed_c') LIMIT 2").rows())
                .containsExactly(List.of("seed_a"), List.of("seed_b"));
        assertThat(select("SELECT name FROM pipes WHERE name IN ('seed_a', 'seed_b', 'seed_c') LIMIT 1, 1").rows())
                .as("LIMIT offset, count as in MySQL").containsExactly(List.of("seed_b"));
        assertThat(select("SELECT * FROM pipes WHERE name = 'seed_a';").rows()).as("trailing ; is harmless").hasSize(1);
    }

    @Test
    void badNamesGetTheirCodes() throws Exception {
        assertThat(error("SELECT * FROM nosuch WHERE name = 'seed_a'")).isEqualTo(15);
        assertThat(error("SELECT * FROM PIPES WHERE name = 'seed_a'")).as("table names are lower case").isEqualTo(15);
        assertThat(error("SELECT * FROM users_data WHERE id = 1")).as("not provided").isEqualTo(15);
        assertThat(error("SELECT * FROM revoked_tokens")).as("not provided").isEqualTo(15);
        assertThat(error("SELECT nosuch FROM pipes WHERE name = 'seed_a'")).isEqualTo(14);
        assertThat(error("SELECT NAME FROM pipes WHERE name = 'seed_a'")).as("column names are lower case").isEqualTo(14);
        assertThat(error("INSERT INTO users_messages (id, event, message, message) VALUES (1, 'e', 'a', 'b')"))
                .isEqualTo(13);
        assertThat(error("SELEKT * FROM pipes WHERE name = 'seed_a'")).isEqualTo(3);
        assertThat(error("SEL")).isEqualTo(17);
        assertThat(error("INSERT INTO pipes_messages (name, event, message) VALUES ('seed_pipe', 'e', '"
                + "x".repeat(9000) + "')")).isEqualTo(11);
        CliResult wrongKey = run(List.of("-uroot", "-pwrong", "-DCometQL_v1"), "SELECT 1");
        assertThat(wrongKey.output()).contains("ERROR 16");
    }

    @Test
    void driverStatementsAndShowTables() throws Exception {
        assertThat(select("SHOW TABLES").rows()).flatExtracting(r -> r).contains("pipes_messages", "pipes",
                "users_in_pipes", "pipes_settings", "users_auth", "users_messages", "users_time");
        assertThat(select("SELECT DATABASE()").rows()).containsExactly(List.of("CometQL_v1"));
        assertThat(run(List.of("-u0", "-p" + KEY, "-Ddb_0"), "SELECT * FROM pipes WHERE name = 'seed_a'").exit())
                .isZero();
    }

    // ---- the CLI ------------------------------------------------------------------------

    record CliResult(int exit, String output) {
    }

    /** A result set from batch mode: tab-separated, header first, values raw (no escaping). */
    record Result(List<String> columns, List<List<String>> rows) {
        List<String> column(String name) {
            int i = columns.indexOf(name);
            assertThat(i).as("column %s in %s", name, columns).isNotNegative();
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }

    private CliResult run(String statement) throws Exception {
        return run(List.of("-uroot", "-p" + KEY, "-DCometQL_v1"), statement);
    }

    private CliResult run(String option, String statement) throws Exception {
        return run(List.of("-uroot", "-p" + KEY, "-DCometQL_v1", option), statement);
    }

    private CliResult run(List<String> options, String statement) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary, "-h127.0.0.1", "-P" + server.cometqlPort()));
        command.addAll(options);
        command.addAll(List.of("-e", statement));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mariadb CLI finished").isTrue();
        return new CliResult(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Result select(String statement) throws Exception {
        CliResult result = run(List.of("-uroot", "-p" + KEY, "-DCometQL_v1", "--batch", "--raw"), statement);
        assertThat(result.exit()).as("%s → %s", statement, result.output()).isZero();
        if (result.output().isEmpty()) {
            return new Result(List.of(), List.of());
        }
        List<String> lines = result.output().lines().toList();
        List<List<String>> rows = lines.subList(1, lines.size()).stream()
                .map(l -> Arrays.asList(l.split("\t", -1))).toList();
        return new Result(Arrays.asList(lines.get(0).split("\t", -1)), rows);
    }

    private int affected(String statement) throws Exception {
        CliResult result = run("-vvv", statement);
        Matcher m = AFFECTED.matcher(result.output());
        assertThat(result.exit()).as("%s → %s", statement, result.output()).isZero();
        assertThat(m.find()).as("%s → %s", statement, result.output()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private int error(String statement) throws Exception {
        CliResult result = run(statement);
        Matcher m = ERROR.matcher(result.output());
        assertThat(result.exit()).as("%s → %s", statement, result.output()).isNotZero();
        assertThat(m.find()).as("%s → %s", statement, result.output()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A CppComet WebSocket (tenant 0), subscribed to {@code pipes}; serverInfo already consumed. */
    private FrameClient socket(String key, long userId, String... pipes) throws Exception {
        FrameClient client = FrameClient.open(http, "ws://127.0.0.1:" + server.wsPort() + "/ws/sesion=" + key + "&myid="
                + userId + "&devid=0&v=4.09&uuid=" + "%032x".formatted(sockets.size() + 1) + "&api=js");
        sockets.add(client);
        JsonNode info = client.next();
        assertThat(info.path("authorized").asBoolean()).isEqualTo(userId > 0);
        if (pipes.length > 0) {
            client.send("subscription\n" + String.join("\n", pipes));
            // subscribing has no reply: wait until the server counts it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!subscribed(client, pipes[0]) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        return client;
    }

    private boolean subscribed(FrameClient client, String pipe) throws Exception {
        String uuid = "%032x".formatted(sockets.indexOf(client) + 1);
        return select("SELECT user_uuid FROM users_in_pipes WHERE name = '" + pipe + "'").rows().stream()
                .anyMatch(r -> r.get(0).equals(uuid));
    }

    private static String findBinary() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("mariadb", "mysql")) {
                File f = new File(d, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }
}
