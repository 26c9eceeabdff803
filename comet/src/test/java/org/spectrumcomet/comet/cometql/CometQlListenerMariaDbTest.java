package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CometQL contract through MariaDB Connector/J 3.5 with default options. */
class CometQlListenerMariaDbTest extends CometQlJdbcContract {

    @Override
    String urlPrefix() {
        return "jdbc:mariadb://";
    }

    @Test
    @Timeout(10)
    void serverSidePreparedStatementsAreRefusedQuickly() throws Exception {
        try (Connection c = DriverManager.getConnection(url() + "?useServerPrepStmts=true", "root",
                CometQlServer.ROOT_KEY)) {
            assertThatThrownBy(() -> {
                try (PreparedStatement p = c.prepareStatement("SELECT * FROM pipes WHERE name = ?")) {
                    p.setString(1, "abc");
                    p.executeQuery();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("Prepared statements are not supported");
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void batchesArePipelinedAndAnsweredInOrder() throws Exception {
        RecordingClient client = new RecordingClient();
        subscribe("0", 0, client, "batch_pipe");
        for (int i = 0; i < 20; i++) {
            sql.addBatch("INSERT INTO pipes_messages (name, event, message) VALUES ('batch_pipe', 'e', 'b" + i + "')");
        }
        assertThat(sql.executeBatch()).hasSize(20);
        assertThat(client.dataOn("batch_pipe")).hasSize(20).startsWith("b0", "b1").endsWith("b19");
    }
}
