package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spectrumcomet.comet.engine.Session;

/**
 * Every CometQL example of the protocol notes (§I.3) through a real JDBC driver with its DEFAULT
 * options (only host, port, database, user and password). Subclasses pick the driver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CometQlJdbcContract {
    CometQlServer server;
    Connection connection;
    Statement sql;

    /** {@code jdbc:<driver>://127.0.0.1:<port>/} */
    abstract String urlPrefix();

    String url() {
        return urlPrefix() + "127.0.0.1:" + server.port() + "/CometQL_v1";
    }

    @BeforeAll
    void startServer() throws Exception {
        server = new CometQlServer();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(url(), "root", CometQlServer.ROOT_KEY);
        sql = connection.createStatement();
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    List<List<String>> rows(String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    List<String> columns(String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            return names;
        }
    }

    void assertError(String query, int code) {
        assertThatThrownBy(() -> sql.execute(query))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(e.getMessage()).isEqualTo(code));
    }

    Session subscribe(String tenant, long userId, RecordingClient client, String... pipes) {
        Session session = server.engine.attach(tenant, userId, client);
        server.engine.subscribe(session, List.of(pipes));
        return session;
    }

    // ---- login -------------------------------------------------------------------------------

    @Test
    void wrongPasswordUnknownTenantAndUnknownDatabaseAreRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "root", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Authentication failure");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "99", CometQlServer.ROOT_KEY).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Authentication failure");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "15", CometQlServer.ROOT_KEY).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Authentication failure");
        String otherDb = urlPrefix() + "127.0.0.1:" + server.port() + "/nosuchdb";
        assertThatThrownBy(() -> DriverManager.getConnection(otherDb, "root", CometQlServer.ROOT_KEY).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("nosuchdb");
    }

    @Test
    void tenantsLogInWithTheirOwnKeyAndSeeOnlyTheirPipes() throws Exception {
        RecordingClient root = new RecordingClient();
        RecordingClient fifteen = new RecordingClient();
        subscribe("0", 0, root, "tenant_pipe");
        subscribe("15", 0, fifteen, "tenant_pipe");
        try (Connection c = DriverManager.getConnection(url(), "15", CometQlServer.TENANT15_KEY);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('tenant_pipe', 'e', 'for15')");
            assertThat(rows(s, "SELECT DATABASE()")).containsExactly(List.of("CometQL_v1"));
        }
        assertThat(fifteen.dataOn("tenant_pipe")).containsExactly("for15");
        assertThat(root.dataOn("tenant_pipe")).isEmpty();
    }

    @Test
    void noDatabaseIsAllowedAndUseSelectsIt() throws Exception {
        String noDb = urlPrefix() + "127.0.0.1:" + server.port() + "/";
        try (Connection c = DriverManager.getConnection(noDb, "0", CometQlServer.ROOT_KEY);
             Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT DATABASE()")).containsExactly(List.of(""));
            s.execute("USE CometQL_v1");
            assertThat(rows(s, "SELECT DATABASE()")).containsExactly(List.of("CometQL_v1"));
            assertThatThrownBy(() -> s.execute("USE other")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(15));
            assertThat(rows(s, "SELECT 1")).containsExactly(List.of("1"));
        }
    }

    static List<List<String>> rows(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    // ---- pipes_messages ------------------------------------------------------------------------

    @Test
    void insertIntoPipesMessagesDeliversTheLiteralByteForByte() throws Exception {
        RecordingClient client = new RecordingClient();
        subscribe("0", 0, client, "p10_bytes");
        int affected = sql.executeUpdate(
                "INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', 'event_1', 'it\\'s')");
        assertThat(affected).isZero();
        sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', 'e', 'a''b')");
        sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', 'e', 'x\\ny')");
        sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', 'e', 'nul\u0000here')");
        sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', 'e', 'emoji \uD83D\uDE00 ünï')");
        sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', 'e', \"dq 'x' \\\" \")");
        sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('p10_bytes', '', '{\"json\":1}');");
        assertThat(client.dataOn("p10_bytes")).containsExactly("it\\'s", "a\\'b", "x\\ny", "nul\u0000here",
                "emoji \uD83D\uDE00 ünï", "dq 'x' \\\" ", "{\"json\":1}");
    }

    @Test
    void clientSidePreparedStatementsWork() throws Exception {
        RecordingClient client = new RecordingClient();
        subscribe("0", 0, client, "prepared_pipe");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pipes_messages (name, event, message) VALUES (?, ?, ?)")) {
            insert.setString(1, "prepared_pipe");
            insert.setString(2, "ev");
            insert.setString(3, "plain text");
            insert.executeUpdate();
        }
        assertThat(client.dataOn("prepared_pipe")).containsExactly("plain text");
    }

    @Test
    void historyIsKeptOldestFirstAndCanBeCleared() throws Exception {
        sql.execute("INSERT INTO pipes_settings (name, length) VALUES ('hist_pipe', 5)");
        for (int i = 1; i <= 7; i++) {
            sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('hist_pipe', 'e', 'm" + i + "')");
        }
        assertThat(columns("SELECT * FROM pipes_messages WHERE name = 'hist_pipe'"))
                .containsExactly("id", "time", "name", "index", "event", "message", "user_id");
        assertThat(rows("SELECT message, index FROM pipes_messages WHERE name = 'hist_pipe'"))
                .containsExactly(List.of("m3", "0"), List.of("m4", "1"), List.of("m5", "2"), List.of("m6", "3"),
                        List.of("m7", "4"));
        assertThat(rows("SELECT `message` FROM pipes_messages WHERE name IN ('hist_pipe', 'nohist') LIMIT 2"))
                .containsExactly(List.of("m3"), List.of("m4"));
        List<List<String>> all = rows("SELECT id, user_id, name FROM pipes_messages WHERE name = 'hist_pipe'");
        assertThat(all).allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("0", "hist_pipe"));

        sql.execute("DELETE FROM pipes_messages WHERE name = 'hist_pipe' AND id = '" + all.get(0).get(0) + "'");
        assertThat(rows("SELECT message FROM pipes_messages WHERE name = 'hist_pipe'")).hasSize(4);
        // CppComet's form: the id alone, no pipe name
        sql.execute("DELETE FROM pipes_messages WHERE id = '" + all.get(1).get(0) + "'");
        sql.execute("DELETE FROM pipes_messages WHERE id IN ('" + all.get(2).get(0) + "', 'no-such-id')");
        assertThat(rows("SELECT message FROM pipes_messages WHERE name = 'hist_pipe'"))
                .containsExactly(List.of("m6"), List.of("m7"));
        assertThat(sql.executeUpdate("DELETE FROM pipes_messages WHERE name = 'hist_pipe'")).isZero();
        assertThat(rows("SELECT * FROM pipes_messages WHERE name = 'hist_pipe'")).isEmpty();
        assertThat(rows("SELECT * FROM pipes_messages WHERE name = 'never_used'")).isEmpty();
    }

    @Test
    void historyReturnsAtMost99Rows() throws Exception {
        sql.execute("INSERT INTO pipes_settings (name, length) VALUES ('long_hist', 99)");
        for (int i = 0; i < 105; i++) {
            sql.execute("INSERT INTO pipes_messages (name, event, message) VALUES ('long_hist', 'e', 'm" + i + "')");
        }
        List<List<String>> rows = rows("SELECT message FROM pipes_messages WHERE name = 'long_hist'");
        assertThat(rows).hasSize(99);
        assertThat(rows.get(0)).containsExactly("m6");
    }

    @Test
    void pipesMessagesRefusals() {
        assertError("INSERT INTO pipes_messages (name, message) VALUES ('p10x', 'm')", 12);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('p1', 'e', 'm')", 17);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('" + "p".repeat(65) + "', 'e', 'm')", 11);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('bad pipe', 'e', 'm')", 12);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('p10x', '" + "e".repeat(65) + "', 'm')", 11);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('p10x', 'bad.event', 'm')", 12);
        assertError("INSERT INTO pipes_messages (name, event, nosuch) VALUES ('p10x', 'e', 'm')", 14);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('p10x', 'e')", 14);
        assertError("INSERT INTO pipes_messages (name, event, message) VALUES ('p10x', 'e', '" + "x".repeat(9000) + "')", 11);
        assertError("SELECT * FROM pipes_messages", 13);
        assertError("SELECT * FROM pipes_messages WHERE event = 'e'", 13);
        assertError("DELETE FROM pipes_messages WHERE event = 'e'", 13);
        assertError("SELECT * FROM pipes_messages WHERE name = 'p10x' OR name = 'p11x'", 13);
        assertError("SELECT * FROM pipes_messages WHERE name = 'p10x' OR event = 'e'", 2);
        assertError("SELECT * FROM pipes_messages WHERE name = 'p10x' ORDER BY id", 2);
        assertError("SELECT * FROM pipes_messages WHERE name = 'p10x' AND name = 'p11x'", 13);
        assertError("SELECT nosuch FROM pipes_messages WHERE name = 'p10x'", 14);
        assertError("SELECT NAME FROM pipes_messages WHERE name = 'p10x'", 14);
        assertError("SELECT * FROM PIPES_MESSAGES WHERE name = 'p10x'", 15);
        assertError("SELECT * FROM nosuch WHERE name = 'p10x'", 15);
        assertError("SELEKT * FROM pipes WHERE name = 'p10x'", 3);
    }

    // ---- pipes, users_in_pipes ---------------------------------------------------------------

    @Test
    void pipesCountsSubscribersAndUsersInPipesListsThem() throws Exception {
        subscribe("0", 0, new RecordingClient(), "watched");
        subscribe("0", 0, new RecordingClient(), "watched");
        assertThat(rows("SELECT * FROM pipes WHERE name IN ('watched', 'unwatched')"))
                .containsExactly(List.of("watched", "2"), List.of("unwatched", "0"));
        assertThat(columns("SELECT * FROM users_in_pipes WHERE name = 'watched'"))
                .containsExactly("name", "user_id", "user_uuid", "user_agent", "ip", "origin", "language");
        assertThat(rows("SELECT * FROM users_in_pipes WHERE name = 'watched'")).hasSize(2)
                .allSatisfy(row -> assertThat(row).containsExactly("watched", "0", "uuid-1", "test-agent",
                        "127.0.0.9", "http://origin.test", "en"));
        assertThat(rows("SELECT * FROM users_in_pipes WHERE name = 'unwatched'")).isEmpty();
        assertError("INSERT INTO pipes (name, users) VALUES ('watched', 3)", 10);
        assertError("DELETE FROM pipes WHERE name = 'watched'", 10);
        assertError("DELETE FROM users_in_pipes WHERE name = 'watched'", 10);
    }

    // ---- pipes_settings ------------------------------------------------------------------------

    @Test
    void pipesSettingsAcceptZeroTo99AndRefuseMore() throws Exception {
        assertThat(sql.executeUpdate("INSERT INTO pipes_settings (name, length) VALUES ('set_pipe', 99)")).isEqualTo(1);
        assertThat(rows("SELECT * FROM pipes_settings WHERE name = 'set_pipe'")).containsExactly(List.of("set_pipe", "99"));
        assertError("INSERT INTO pipes_settings (name, length) VALUES ('set_pipe', 100)", 12);
        assertError("INSERT INTO pipes_settings (name, length) VALUES ('set_pipe', 1500)", 12);
        assertThat(rows("SELECT length FROM pipes_settings WHERE name = 'set_pipe'")).containsExactly(List.of("99"));
        sql.execute("INSERT INTO pipes_settings (name, length) VALUES ('set_pipe', 0)");
        assertThat(rows("SELECT length FROM pipes_settings WHERE name = 'set_pipe'")).containsExactly(List.of("0"));
        sql.execute("DELETE FROM pipes_settings WHERE name = 'set_pipe'");
        assertThat(rows("SELECT * FROM pipes_settings WHERE name = 'set_pipe'")).isEmpty();
    }

    // ---- users_auth ----------------------------------------------------------------------------

    @Test
    void usersAuthStoresKeysAndDeleteDisconnects() throws Exception {
        assertThat(sql.executeUpdate("INSERT INTO users_auth (id, hash) VALUES (12, 'abcdefABCDEF0123456789+/=_')",
                Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
        try (ResultSet keys = sql.getGeneratedKeys()) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getLong(1)).isEqualTo(12);
        }
        assertThat(rows("SELECT * FROM users_auth WHERE id = 12")).containsExactly(List.of("12", "abcdefABCDEF0123456789+/=_"));
        assertThat(rows("SELECT * FROM users_auth WHERE id IN (12, 13)")).hasSize(1);
        sql.execute("INSERT INTO users_auth VALUES (999999999, 'k')");
        RecordingClient client = new RecordingClient();
        subscribe("0", 12, client, "auth_pipe");
        sql.execute("DELETE FROM users_auth WHERE id = 12");
        assertThat(client.closedWith).isNotNull();
        assertThat(rows("SELECT * FROM users_auth WHERE id = 12")).isEmpty();

        assertError("INSERT INTO users_auth (id, hash) VALUES (12, '" + "a".repeat(33) + "')", 11);
        assertError("INSERT INTO users_auth (id, hash) VALUES (12, 'bad hash!')", 12);
        assertError("INSERT INTO users_auth (id, hash) VALUES (0, 'abc')", 12);
        assertError("INSERT INTO users_auth (id, hash) VALUES (-5, 'abc')", 12);
        assertError("INSERT INTO users_auth (id, hash) VALUES (1000000000, 'abc')", 12);
        assertError("SELECT * FROM users_auth WHERE hash = 'abc'", 13);
    }

    // ---- users_messages ------------------------------------------------------------------------

    @Test
    void usersMessagesQueueWhileOfflineAndDeliverWhenOnline() throws Exception {
        sql.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (77, 'ev', 'queued it\\'s')",
                Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = sql.getGeneratedKeys()) {
            // 0 affected rows (as CppComet): MySQL Connector/J then reports no key, MariaDB's does.
            if (keys.next()) {
                assertThat(keys.getLong(1)).isEqualTo(77);
            }
        }
        sql.execute("INSERT INTO users_messages VALUES (77, '', 'ev2', 'second')");
        assertThat(columns("SELECT * FROM users_messages WHERE id = 77")).containsExactly("id", "index", "event", "message");
        assertThat(rows("SELECT id, event, message FROM users_messages WHERE id = 77"))
                .containsExactly(List.of("77", "ev", "queued it\\'s"), List.of("77", "ev2", "second"));
        sql.execute("DELETE FROM users_messages WHERE id = 77");
        assertThat(rows("SELECT * FROM users_messages WHERE id = 77")).isEmpty();

        RecordingClient online = new RecordingClient();
        server.engine.attach("0", 78, online);
        sql.execute("INSERT INTO users_messages (id, event, message) VALUES (78, 'ev', 'live')");
        assertThat(online.dataOn("msg")).containsExactly("live");
        assertThat(rows("SELECT * FROM users_messages WHERE id = 78")).isEmpty();
        assertError("INSERT INTO users_messages (id, event, message) VALUES (1234567890, 'ev', 'x')", 12);
        assertError("INSERT INTO users_messages (id, message) VALUES (78, 'x')", 12);
    }

    @Test
    void aFullOfflineQueueRefusesTheInsertAndKeepsWhatItHas() throws Exception {
        for (int i = 0; i < org.spectrumcomet.comet.engine.local.EngineLimits.DEFAULT_MAX_QUEUED_PER_USER; i++) {
            server.engine.sendToUser("0", 79, "ev", "m" + i);
        }
        assertError("INSERT INTO users_messages (id, event, message) VALUES (79, 'ev', 'one too many')", 22);
        assertThat(rows("SELECT message FROM users_messages WHERE id = 79 LIMIT 1")).containsExactly(List.of("m0"));
        sql.execute("DELETE FROM users_messages WHERE id = 79");
        sql.execute("INSERT INTO users_messages (id, event, message) VALUES (79, 'ev', 'room again')");
    }

    // ---- users_time ----------------------------------------------------------------------------

    @Test
    void usersTimeIsReadOnlyPresence() throws Exception {
        assertThat(rows("SELECT * FROM users_time WHERE id = 4242")).containsExactly(List.of("4242", "-1"));
        Session session = server.engine.attach("0", 4243, new RecordingClient());
        assertThat(rows("SELECT time FROM users_time WHERE id = 4243")).containsExactly(List.of("0"));
        server.engine.detach(session);
        assertThat(Long.parseLong(rows("SELECT time FROM users_time WHERE id = 4243").get(0).get(0))).isPositive();
        assertError("INSERT INTO users_time (id, time) VALUES (1, 2)", 10);
        assertError("DELETE FROM users_time WHERE id = 1", 10);
    }

    // ---- what drivers and tools send -------------------------------------------------------------

    @Test
    void sessionStatementsAreAnsweredSensibly() throws Exception {
        sql.execute("SET NAMES utf8mb4");
        sql.execute("SET autocommit=1");
        sql.execute("set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES')");
        sql.execute("SET @@session.x = 1");
        sql.execute("SET a=1, b=2");
        sql.execute("SET character_set_results = NULL");
        assertThat(rows("SELECT @@max_allowed_packet, @@session.auto_increment_increment AS inc, @@nosuch"))
                .containsExactly(List.of(Integer.toString(1 << 20), "1", ""));
        assertThat(columns("SELECT @@max_allowed_packet, @@session.auto_increment_increment AS inc"))
                .containsExactly("@@max_allowed_packet", "inc");
        assertThat(rows("/* a comment */ SELECT @@version_comment LIMIT 1")).hasSize(1);
        assertThat(rows("SELECT VERSION()").get(0).get(0)).startsWith("5.7.99-");
        assertThat(rows("SELECT 1")).containsExactly(List.of("1"));
        assertThat(rows("SHOW DATABASES")).containsExactly(List.of("CometQL_v1"));
        assertThat(rows("SHOW TABLES")).extracting(r -> r.get(0)).containsExactly("users_auth", "users_time",
                "users_messages", "pipes_messages", "users_in_pipes", "pipes", "pipes_settings");
        assertThat(rows("DESCRIBE users_auth")).extracting(r -> r.get(0) + "/" + r.get(3))
                .containsExactly("id/PRI", "hash/");
        assertThat(rows("SHOW FULL COLUMNS FROM pipes")).extracting(r -> r.get(0)).containsExactly("name", "users");
        assertError("DESCRIBE nosuch", 15);
        assertThat(rows("SHOW VARIABLES LIKE 'max_allowed_packet'"))
                .containsExactly(List.of("max_allowed_packet", Integer.toString(1 << 20)));
        assertThat(rows("SHOW VARIABLES LIKE 'character_set_%'")).hasSizeGreaterThan(3);
        assertThat(rows("SHOW SESSION STATUS")).contains(List.of("id", "0"));
        assertThat(rows("SHOW WARNINGS")).isEmpty();
        assertThat(rows("SHOW COLLATION")).isNotEmpty();
        assertThat(rows("SHOW CHARACTER SET")).isNotEmpty();
        sql.execute("USE CometQL_v1");
        sql.execute("COMMIT");
        assertThat(connection.isValid(2)).isTrue();
        connection.setCatalog("CometQL_v1");
        assertThat(rows("SELECT DATABASE()")).containsExactly(List.of("CometQL_v1"));
    }
}
