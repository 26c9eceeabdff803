package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableStatementParserTest {

    private static TableStatement parse(String sql) {
        return TableStatementParser.parse(QueryLexer.lex(sql));
    }

    private static void assertCode(String sql, int code) {
        assertThatThrownBy(() -> parse(sql)).isInstanceOf(CometQlException.class)
                .satisfies(e -> assertThat(((CometQlException) e).code()).as(e.getMessage()).isEqualTo(code));
    }

    @Test
    void selectWithColumnsInAndLimit() {
        TableStatement.Select s = (TableStatement.Select) parse(
                "select index, `message` FROM pipes_messages WHERE name IN ('p10', \"p11\") AND event = 'x' LIMIT 3;");
        assertThat(s.table()).isEqualTo("pipes_messages");
        assertThat(s.columns()).containsExactly("index", "message");
        assertThat(s.where()).containsExactly(Map.entry("name", List.of("p10", "p11")), Map.entry("event", List.of("x")));
        assertThat(s.limit()).isEqualTo(3);
        assertThat(((TableStatement.Select) parse("SELECT * FROM pipes WHERE name = 'abc' LIMIT 2, 5")).offset())
                .isEqualTo(2);
    }

    @Test
    void insertKeepsValuesRaw() {
        TableStatement.Insert i = (TableStatement.Insert) parse(
                "INSERT INTO users_messages (id, index, event, message) VALUES (5, '', 'e', 'it\\'s')");
        assertThat(i.columns()).containsExactly("id", "index", "event", "message");
        assertThat(i.values()).containsExactly("5", "", "e", "it\\'s");
        assertThat(((TableStatement.Insert) parse("INSERT INTO users_auth VALUES (-5, 'k')")).values())
                .containsExactly("-5", "k");
    }

    @Test
    void deleteNeedsNothingMoreThanAWhere() {
        TableStatement.Delete d = (TableStatement.Delete) parse("DELETE FROM users_auth WHERE id = 7");
        assertThat(d.where()).containsExactly(Map.entry("id", List.of("7")));
    }

    /** Found by fuzzing: "DELETE FROM-- pipes ..." left JSqlParser a DELETE without a table (ERR 500). */
    @Test
    void aStatementWithoutTableIsASyntaxError() {
        assertCode("DELETE FROM-- pipes_messages WHERE id IN ('a', 'b')", 3);
        assertCode("DELETE FROM", 3);
    }

    @Test
    void unsupportedSqlIsRefusedSpecifically() {
        assertCode("SELECT * FROM pipes WHERE name = 'abc' ORDER BY name", 2);
        assertCode("DELETE FROM pipes WHERE name = 'abc' ORDER BY name", 2);
        assertCode("SELECT * FROM pipes WHERE name = 'abc' OR name = 'abd'", 13);
        assertCode("SELECT * FROM pipes WHERE name = 'abc' OR users = 1", 2);
        assertCode("SELECT * FROM pipes WHERE name > 'abc'", 2);
        assertCode("SELECT * FROM pipes WHERE name = 'abc' AND name = 'abd'", 13);
        assertCode("SELECT count(*) FROM pipes WHERE name = 'abc'", 2);
        assertCode("UPDATE pipes SET users = 1", 2);
        assertCode("INSERT INTO pipes_messages VALUES ('a','b','c'), ('d','e','f')", 2);
        assertCode("SELECT * FROM other_db.pipes WHERE name = 'abc'", 15);
        assertCode("SELECT FROM WHERE", 3);
    }
}
