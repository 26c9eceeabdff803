package org.spectrumcomet.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.comet.CometQlLiteral;

/**
 * The web site's own server side, as a PHP or Java site talks to comet: CometQL statements over
 * MariaDB Connector/J. It stores user keys, sets pipe history, and sends on behalf of its web
 * users — bodies follow the bridge's JSON convention ({@code bridge/COMET-BODY.md}), written with
 * {@link CometQlLiteral} because CometQL relays the characters between the quotes verbatim.
 *
 * <p>Every statement runs on the caller's thread with a 5 s socket timeout.
 */
final class SiteServer implements AutoCloseable {

    private static final String WHO = "site";

    private final Connection connection;
    private final Transcript transcript;

    private SiteServer(Connection connection, Transcript transcript) {
        this.connection = connection;
        this.transcript = transcript;
    }

    /** Logs in as tenant 0 ({@code root}) with the tenant key. */
    static SiteServer connect(int port, String tenantKey, Transcript transcript) throws DemoFailure {
        // jdbcCompliantTruncation=false keeps the driver's init statement one CometQL accepts (spec §I.2.7).
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/CometQL_v1?jdbcCompliantTruncation=false"
                + "&connectTimeout=5000&socketTimeout=5000";
        try {
            return new SiteServer(DriverManager.getConnection(url, "root", tenantKey), transcript);
        } catch (SQLException e) {
            throw new DemoFailure("CometQL login to 127.0.0.1:" + port + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code users_auth}: the key a user presents on the WebSocket (and the XMPP user as password). */
    void setUserKey(DemoUser user) throws DemoFailure {
        execute("INSERT INTO users_auth (id, hash) VALUES (" + user.cometId() + ", '" + user.key() + "')");
    }

    /** {@code pipes_settings}: keep the last {@code length} messages of {@code pipe}. */
    void setHistoryLength(String pipe, int length) throws DemoFailure {
        execute("INSERT INTO pipes_settings (name, length) VALUES ('" + pipe + "', " + length + ")");
    }

    /** A private message to {@code to} from web user {@code from}, as the bridge reads it. */
    void sendPrivate(DemoUser from, DemoUser to, String text, String id) throws DemoFailure {
        execute("INSERT INTO users_messages (id, event, message) VALUES (" + to.cometId() + ", 'message', "
                + body(from, text, id) + ")");
    }

    /** A message on {@code pipe} from web user {@code from}. */
    void publish(String pipe, DemoUser from, String text, String id) throws DemoFailure {
        execute("INSERT INTO pipes_messages (name, event, message) VALUES ('" + pipe + "', 'message', "
                + body(from, text, id) + ")");
    }

    /** The user ids subscribed to {@code pipe} ({@code users_in_pipes}; 0 = anonymous). */
    List<Long> subscribers(String pipe) throws DemoFailure {
        List<Long> ids = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rows = st.executeQuery("SELECT user_id FROM users_in_pipes WHERE name = '" + pipe + "'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new DemoFailure("CometQL: reading the subscribers of " + pipe + " failed: " + e.getMessage(), e);
        }
    }

    private static String body(DemoUser from, String text, String id) {
        return CometQlLiteral.ofJson(CometBodyCodec.toJson(CometBody.text(from.legacyName(), from.name(), text, id,
                System.currentTimeMillis())));
    }

    private void execute(String sql) throws DemoFailure {
        transcript.raw(WHO, "CometQL -> " + sql);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new DemoFailure("CometQL statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the server is going away with the demo; nothing left to release
        }
    }
}
