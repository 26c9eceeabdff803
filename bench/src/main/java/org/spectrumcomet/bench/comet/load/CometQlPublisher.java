package org.spectrumcomet.bench.comet.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Publishes with {@code INSERT INTO pipes_messages (name, event, message) VALUES (…)} over one
 * MariaDB Connector/J connection: the way an application publishes to our server and to
 * CppComet. URL options are the ones both servers need (spec §I.2.7): no strict-mode init
 * statement, no pipelining, client-side statements only.
 */
public final class CometQlPublisher implements Publisher {

    private final Connection connection;
    private final Statement statement;
    private final String prefix;

    private CometQlPublisher(Connection connection, String pipe, String event) throws SQLException {
        this.connection = connection;
        this.statement = connection.createStatement();
        this.prefix = "INSERT INTO pipes_messages (name, event, message) VALUES ('" + pipe + "', '" + event + "', '";
    }

    /** Connects as {@code user} with {@code password} to the CometQL listener at host:port. */
    public static CometQlPublisher connect(CometQlTarget target, String pipe, String event) throws SQLException {
        return new CometQlPublisher(open(target), pipe, event);
    }

    /** A plain JDBC connection to the CometQL listener. */
    public static Connection open(CometQlTarget target) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", target.user());
        props.setProperty("password", target.password());
        String url = "jdbc:mariadb://" + target.host() + ":" + target.port() + "/CometQL_v1"
                + "?jdbcCompliantTruncation=false&disablePipeline=true&useServerPrepStmts=false&socketTimeout=30000";
        return DriverManager.getConnection(url, props);
    }

    /** The body must be a benchmark body (no quote or backslash to escape). */
    @Override
    public void publish(String body) throws SQLException {
        statement.executeUpdate(prefix + body + "')");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at the end of a run: nothing to do
        }
    }

    /** Where and how to log in to a CometQL listener. */
    public record CometQlTarget(String host, int port, String user, String password) {
    }
}
