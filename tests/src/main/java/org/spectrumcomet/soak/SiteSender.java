package org.spectrumcomet.soak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;

/**
 * The site's server sending a web user's private message by CometQL ({@code users_messages}),
 * exactly once: unlike {@code conformance.comet.CometQl}, which repeats a statement once on a
 * broken link (and so may insert twice when the first attempt only timed out), a failed insert is
 * reported and not retried; the next one opens a new connection. One instance per thread.
 */
final class SiteSender implements AutoCloseable {

    /** Long enough that a stalled machine does not cut an insert comet will still execute. */
    private static final String SOCKET_TIMEOUT_MS = "60000";

    private final CometTarget target;
    private Connection connection;

    SiteSender(CometTarget target) {
        this.target = target;
    }

    /** Inserts the message for {@code to}; throws when comet refused it or the link failed. */
    void sendPrivate(long to, WebBody body) throws SQLException {
        if (connection == null) {
            String url = target.jdbcUrl().replaceAll("socketTimeout=\\d+", "socketTimeout=" + SOCKET_TIMEOUT_MS);
            connection = DriverManager.getConnection(url, target.cometqlUser(), target.tenantKey());
        }
        try (Statement st = connection.createStatement()) {
            // WebBodyJson's output never ends the literal (quotes, backslashes and ';' are escaped)
            st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (" + to + ", 'message', '"
                    + WebBodyJson.encode(body) + "')");
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone anyway
            }
            connection = null;
        }
    }
}
