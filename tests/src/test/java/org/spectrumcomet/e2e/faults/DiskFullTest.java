package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * The comet data directory fills up (a 1 MiB tmpfs): CometQL INSERTs are refused with ERR 500 and
 * a message naming the store, the connection and the server stay up, and after kill -9 and a restart
 * (with space freed, as an operator would) every message acknowledged before is still there.
 */
class DiskFullTest {

    private static final Logger LOG = LoggerFactory.getLogger(DiskFullTest.class);
    private static final int USERS = 50;

    @Test
    void insertsAreRefusedWithAClearErrorAndNothingAcceptedIsLost() throws Exception {
        Path dir = SpawnedBackend.workDir().resolve("diskfull-data");
        try (SmallDisk disk = SmallDisk.mount(dir, 1024)) {
            assumeTrue(disk != null, "cannot mount a tmpfs here (needs root): disk-full test skipped");
            Path ballast = dir.resolve("ballast");
            Files.write(ballast, new byte[128 * 1024]); // freed later, as an operator would
            CometServerProcess.Settings settings = CometServerProcess.Settings.inMemory(
                    SpawnedBackend.workDir().resolve("diskfull"), "faultkey").withDataDir(dir);
            CometServerProcess[] running = {CometServerProcess.start(settings)};
            try {
                CometServerProcess comet = running[0];
                List<String> accepted = new ArrayList<>();
                SQLException refused = null;
                try (Connection c = connect(comet.target()); Statement st = c.createStatement()) {
                    String body = "y".repeat(2000);
                    for (int i = 0; i < 5000 && refused == null; i++) {
                        String text = "m" + i + "-" + body;
                        try {
                            st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES ("
                                    + (1 + i % USERS) + ", 'ev', '" + text + "')");
                            accepted.add("m" + i);
                        } catch (SQLException e) {
                            refused = e;
                        }
                    }
                    LOG.info("accepted {} messages, then: {} {}", accepted.size(), refused == null ? "-" : refused.getErrorCode(),
                            refused == null ? "-" : refused.getMessage());
                    assertThat((Throwable) refused).as("an INSERT refused once the disk is full").isNotNull();
                    assertThat(refused.getErrorCode()).as("MySQL error code").isEqualTo(500);
                    assertThat(refused.getMessage()).as("error message")
                            .contains("Store full: no space left in the comet data directory; nothing was stored");
                    // still refused, still answering, other statements still work
                    SQLException again = null;
                    try {
                        st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (1, 'ev', 'again-" + body + "')");
                    } catch (SQLException e) {
                        again = e;
                    }
                    assertThat((Throwable) again).as("a second INSERT on the full disk").isNotNull();
                    assertThat(again.getErrorCode()).isEqualTo(500);
                    try (ResultSet rs = st.executeQuery("SELECT id FROM users_time WHERE id = 1")) {
                        assertThat(rs.next()).as("a SELECT on the full disk").isTrue();
                    }
                }
                assertThat(comet.isAlive()).isTrue();
                comet.kill();
                Files.delete(ballast);
                comet = comet.restart();
                running[0] = comet;
                try (Connection c = connect(comet.target()); Statement st = c.createStatement()) {
                    Set<String> stored = new HashSet<>();
                    for (int u = 1; u <= USERS; u++) {
                        try (ResultSet rs = st.executeQuery("SELECT message FROM users_messages WHERE id = " + u)) {
                            while (rs.next()) {
                                String m = rs.getString(1);
                                stored.add(m.substring(0, m.indexOf('-')));
                            }
                        }
                    }
                    assertThat(stored).as("acknowledged messages after kill -9 and restart").containsAll(accepted);
                    st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (1, 'ev', 'after')");
                }
            } finally {
                running[0].close(); // also when an assertion failed before the restart
            }
        }
    }

    private static Connection connect(CometTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.cometqlUser(), target.tenantKey());
    }
}
