package org.spectrumcomet.comet.cometql;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.Inbound;
import org.spectrumcomet.comet.metrics.StatementMeter;
import org.spectrumcomet.comet.mysql.MysqlSession;
import org.spectrumcomet.comet.mysql.QueryResult;
import org.spectrumcomet.comet.store.CometStoreException;

/**
 * One authenticated CometQL connection of a tenant: routes each query to the session statements
 * ({@link SessionStatements}) or the tables ({@link TableStatementRunner}).
 */
final class CometQlSession implements MysqlSession {
    /** The one database (API version) there is. */
    static final String DATABASE = "CometQL_v1";
    /** CppComet's query size bounds: longer than 3 and shorter than 9000 bytes. */
    static final int MIN_QUERY_BYTES = 4;
    static final int MAX_QUERY_BYTES = 8999;
    private static final Logger log = LoggerFactory.getLogger(CometQlSession.class);
    /** Trailing {@code ;} and blanks; compiled once (String.replaceFirst compiled it per statement). */
    private static final Pattern TRAILING = Pattern.compile("[;\\s]+$");

    private final TableContext context;
    private final String user;
    private final SocketAddress remote;
    private final SessionStatements sessionStatements;
    private final CometMetrics metrics;
    private String database = "";
    /** What {@code SELECT LAST_INSERT_ID()} answers: the id of this session's last INSERT that set one. */
    private volatile long lastInsertId;

    CometQlSession(TableContext context, String user, SocketAddress remote, ServerVariables variables) {
        this(context, user, remote, variables, CometMetrics.unscraped());
    }

    CometQlSession(TableContext context, String user, SocketAddress remote, ServerVariables variables,
                   CometMetrics metrics) {
        this.metrics = metrics;
        this.context = context;
        this.user = user;
        this.remote = remote;
        this.sessionStatements = new SessionStatements(this, variables);
        log.info("tenant {}: CometQL session opened by user '{}' from {}", context.tenant(), user, remote);
    }

    String tenant() {
        return context.tenant();
    }

    String user() {
        return user;
    }

    long lastInsertId() {
        return lastInsertId;
    }

    /** The selected database, empty when none. */
    String database() {
        return database;
    }

    @Override
    public QueryResult query(String sql) {
        Addressed addressed = new Addressed();
        QueryResult result = answer(sql, addressed);
        counted(addressed, result);
        return result;
    }

    /** What a statement addressed, for {@code comet_cometql_statements_total} and {@code comet_messages_in_total}. */
    private static final class Addressed {
        String table = StatementMeter.UNKNOWN;
        boolean insert;
    }

    private void counted(Addressed addressed, QueryResult result) {
        boolean ok = !(result instanceof QueryResult.Failure);
        metrics.statements().answered(addressed.table, ok);
        if (ok && addressed.insert) {
            if (addressed.table.equals("pipes_messages")) {
                metrics.received(Inbound.COMETQL_PIPES_MESSAGES);
            } else if (addressed.table.equals("users_messages")) {
                metrics.received(Inbound.COMETQL_USERS_MESSAGES);
            }
        }
    }

    private QueryResult answer(String sql, Addressed addressed) {
        log.debug("tenant {} user '{}': {}", context.tenant(), user, sql);
        try {
            QueryLexer.Lexed lexed = lexed(sql);
            Optional<QueryResult> answered = sessionStatements.answer(lexed);
            if (answered.isPresent()) {
                addressed.table = StatementMeter.NONE;
                return answered.get();
            }
            TableStatement statement = TableStatementParser.parse(lexed);
            addressed.table = statement.table();
            addressed.insert = statement instanceof TableStatement.Insert;
            QueryResult result = TableStatementRunner.run(statement, context);
            if (result instanceof QueryResult.Ok ok && ok.lastInsertId() != 0) {
                lastInsertId = ok.lastInsertId();
            }
            return result;
        } catch (CometQlException e) {
            log.debug("tenant {} user '{}': refused ({} {}): {}", context.tenant(), user, e.code(), e.getMessage(), sql);
            return QueryResult.error(e.code(), e.getMessage());
        } catch (CometStoreException e) {
            log.error("tenant {} user '{}': statement refused by the store: {}: {}", context.tenant(), user,
                    e.getMessage(), abbreviated(sql));
            return QueryResult.error(CometQlException.INTERNAL, e.clientMessage());
        } catch (RuntimeException e) {
            log.error("tenant {} user '{}': statement failed: {}", context.tenant(), user, sql, e);
            return QueryResult.error(CometQlException.INTERNAL, "Internal server error");
        }
    }

    /**
     * An {@code INSERT INTO pipes_messages} of the plain shape into a pipe the engine knows keeps no
     * history is answered on the calling thread (it only hands the message to subscribers); every
     * other statement is left to {@link #query}.
     */
    @Override
    public Optional<QueryResult> queryWithoutBlocking(String sql) {
        if (sql.length() < MIN_QUERY_BYTES || sql.length() > MAX_QUERY_BYTES
                || !sql.regionMatches(true, 0, "INSERT", 0, 6) || !sql.contains("pipes_messages")) {
            return Optional.empty();
        }
        Addressed addressed = new Addressed();
        try {
            Optional<TableStatement> plain = PlainInsertReader.read(lexed(sql));
            if (plain.isEmpty() || !(plain.get() instanceof TableStatement.Insert insert)) {
                return Optional.empty();
            }
            addressed.table = insert.table();
            addressed.insert = true;
            Optional<QueryResult> result = TableStatementRunner.publishWithoutBlocking(insert, context);
            result.ifPresent(r -> counted(addressed, r));
            return result;
        } catch (CometQlException e) {
            log.debug("tenant {} user '{}': refused ({} {}): {}", context.tenant(), user, e.code(), e.getMessage(), sql);
            QueryResult refused = QueryResult.error(e.code(), e.getMessage());
            counted(addressed, refused);
            return Optional.of(refused);
        }
    }

    /** Checks the size bounds, lexes, drops a trailing {@code ;}. */
    private static QueryLexer.Lexed lexed(String sql) {
        int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_QUERY_BYTES) {
            throw new CometQlException(CometQlException.TOO_LONG, "Data is too long: the query has " + bytes
                    + " bytes, CometQL accepts at most " + MAX_QUERY_BYTES);
        }
        QueryLexer.Lexed lexed = QueryLexer.lex(sql);
        String text = TRAILING.matcher(lexed.text()).replaceFirst("");
        if (text.getBytes(StandardCharsets.UTF_8).length < MIN_QUERY_BYTES) {
            throw new CometQlException(CometQlException.TOO_SHORT, "Data is too short: empty or tiny query");
        }
        return new QueryLexer.Lexed(text, lexed.literals());
    }

    /**
     * {@code CometQL_v1}, or {@code db_<N>} naming this session's own tenant (CppComet's way to pick a
     * tenant; other tenants' databases are refused since each tenant has its own key).
     */
    @Override
    public QueryResult useDatabase(String name) {
        if (name.equals(DATABASE) || name.equals("db_" + context.tenant())) {
            database = DATABASE;
            return QueryResult.ok();
        }
        log.info("tenant {} user '{}': unknown database '{}' refused", context.tenant(), user, name);
        return QueryResult.error(CometQlException.DOES_NOT_EXIST,
                "Select database failure: unknown database '" + name + "' (CometQL has only " + DATABASE + ")");
    }

    @Override
    public void close() {
        log.info("tenant {}: CometQL session of user '{}' from {} closed", context.tenant(), user, remote);
    }

    /** A statement for a log line: a full disk refuses every INSERT, 9 KB each would bury the log. */
    private static String abbreviated(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "… (" + sql.length() + " chars)";
    }
}
