package org.spectrumcomet.peers.bridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;

/**
 * What the site's server reads about a pipe over CometQL (spec §I.3.3): who is subscribed
 * ({@code users_in_pipes}) and the kept history ({@code pipes_messages}). A new connection per
 * query: these are assertions, not traffic.
 */
final class PipeQueries {

    private static final Pattern PIPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");

    /** One kept message: its event, the body as the convention reads it, and comet's sender id (0 = CometQL). */
    record Kept(String event, WebBody body, long userId) {
    }

    private final CometTarget target;

    PipeQueries(CometTarget target) {
        this.target = target;
    }

    /** The user ids of the connections subscribed to {@code pipe} (0 for anonymous ones). */
    List<Long> subscribers(String pipe) {
        List<Long> ids = new ArrayList<>();
        query("SELECT user_id FROM users_in_pipes WHERE name = '" + checked(pipe) + "'", rs -> ids.add(rs.getLong(1)));
        return ids;
    }

    /** The pipe's history, oldest first. */
    List<Kept> history(String pipe) {
        List<Kept> kept = new ArrayList<>();
        query("SELECT event, message, user_id FROM pipes_messages WHERE name = '" + checked(pipe) + "'",
                rs -> kept.add(new Kept(rs.getString(1), WebBodyJson.decode(rs.getString(2)), rs.getLong(3))));
        return kept;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}; a failure is an {@link IllegalStateException} naming the statement (tests poll these). */
    private void query(String sql, Row row) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.cometqlUser(), target.tenantKey());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("CometQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String pipe) {
        if (!PIPE.matcher(pipe).matches()) {
            throw new IllegalArgumentException("not a pipe name: " + pipe);
        }
        return pipe;
    }
}
