package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.mysql.QueryResult;
import org.spectrumcomet.comet.store.MemoryStore;

/**
 * The CometQL statement path: SQL text (the input, as UTF-8) → lexer → session statements or
 * JSqlParser → table dispatch, on a {@link LocalCometEngine} over a {@link MemoryStore} with two
 * tenants and a few subscribed connections.
 *
 * <p>Invariant: every statement gives a result (OK, rows with as many values as columns, or a lone
 * EOF) or an ERR with a CometQL code and a message — never ERR 500, which is what an exception
 * inside CometQL becomes (the memory store itself cannot fail).
 */
class CometQlSessionFuzzTest {

    /** The engine is rebuilt now and then so that a long campaign does not grow it without end. */
    private static final int STATEMENTS_PER_ENGINE = 20_000;

    private static CometEngine engine;
    private static CometQlSession session;
    private static int statements;

    @BeforeAll
    static void start() {
        fresh();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static void fresh() {
        if (engine != null) {
            engine.close();
        }
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", "k0", "15", "k15")), new MemoryStore());
        for (long user : new long[] {0, 7, 42}) {
            Session s = engine.attach("0", user, new SilentConnection());
            engine.subscribe(s, List.of("lobby", "web_chat", "track_online", "private_" + user));
        }
        engine.attach("15", 7, new SilentConnection());
        ServerVariables variables = new ServerVariables(CometQlService.SERVER_VERSION, 1 << 20,
                Duration.ofHours(8).toSeconds(), 1024);
        session = new CometQlSession(new TableContext(engine, "0"), "root", null, variables);
        session.useDatabase(CometQlSession.DATABASE);
        statements = 0;
    }

    @FuzzTest
    void answersArbitraryStatements(byte[] input) {
        if (++statements > STATEMENTS_PER_ENGINE) {
            fresh();
        }
        String sql = new String(input, StandardCharsets.UTF_8);
        QueryResult result = session.query(sql);
        assertThat(result).isNotNull();
        if (result instanceof QueryResult.Failure failure) {
            assertThat(failure.code()).as("ERR for %s: %s", sql, failure.message()).isNotEqualTo(CometQlException.INTERNAL);
            assertThat(failure.code()).isPositive();
            assertThat(failure.message()).isNotBlank();
            assertThat(failure.sqlState()).hasSize(5);
        } else if (result instanceof QueryResult.Rows rows) {
            for (List<String> row : rows.rows()) {
                assertThat(row).hasSameSizeAs(rows.columns());
            }
        }
    }

    /** A subscribed connection that accepts every event and drops it. */
    private static final class SilentConnection implements ClientConnection {
        @Override
        public boolean deliver(CometEvent event) {
            return true;
        }

        @Override
        public void close(String reason) {
        }

        @Override
        public String uuid() {
            return "fuzz";
        }

        @Override
        public ClientInfo info() {
            return ClientInfo.UNKNOWN;
        }
    }
}
