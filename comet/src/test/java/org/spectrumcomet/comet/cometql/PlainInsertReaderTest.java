package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainInsertReaderTest {

    /** Statements the shortcut reads: it must give exactly what JSqlParser's path gives. */
    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO pipes_messages (name, event, message) VALUES ('p10', 'ev', 'hello')",
        "insert into pipes_messages(name,event,message)values('p10','ev','it\\'s \"quoted\" ; , )')",
        "INSERT INTO  pipes_messages\n( name , event , message )\tVALUES ( 'p' , '' , '{\"a\":1}' )",
        "INSERT INTO pipes_messages VALUES ('p10', 'ev', 'no columns')",
        "INSERT INTO users_messages (id, index, event, message) VALUES (5, '', 'e', 'x')",
        "INSERT INTO users_messages (id, event, message) VALUES (007, 'e', 'leading zeros')",
        "INSERT INTO users_auth (id, hash) VALUES (42, 'secret42')",
        "INSERT INTO pipes_settings (name) VALUES ('p10')",
        "INSERT INTO pipes_messages (name, `event`, message) VALUES ('p', /* comment */ 'e', 'm')",
        "INSERT INTO pipes_messages (name, event) VALUES ('p', 'e', 'one value too many')",
    })
    void readsLikeJsqlParser(String sql) {
        QueryLexer.Lexed lexed = QueryLexer.lex(sql);

        assertThat(PlainInsertReader.read(lexed)).as(sql).contains(TableStatementParser.parseWithJsqlParser(lexed));
    }

    /** Shapes left to JSqlParser (and its specific errors). */
    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO pipes_messages (name, event, message) VALUES ('p', 'e', 'm');",
        "INSERT INTO CometQL_v1.pipes_messages (name, event, message) VALUES ('p', 'e', 'm')",
        "INSERT INTO users_auth (id, hash) VALUES (-5, 'k')",
        "INSERT INTO users_auth (id, hash) VALUES (NULL, 'k')",
        "INSERT INTO pipes_messages (name, event, message) VALUES ('p', 'e', 'm'), ('q', 'e', 'm')",
        "INSERT INTO pipes_messagesVALUES ('p', 'e', 'm')",
        "INSERT INTO pipes (name) VALUES ('p')",
        "INSERT INTO `pipes_messages` (name, event, message) VALUES ('p', 'e', 'm')",
        "INSERT INTO pipes_settings (name, length) VALUES ('p', 5)",
        "INSERT INTO pipes_messages (name, select, message) VALUES ('p', 'e', 'm')",
        "INSERT INTO pipes_messages SET name = 'p'",
        "SELECT * FROM pipes_messages WHERE name = 'p'",
    })
    void leavesOtherShapesToJsqlParser(String sql) {
        assertThat(PlainInsertReader.read(QueryLexer.lex(sql))).as(sql).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void valuesStayRawLiterals() {
        TableStatement.Insert insert = (TableStatement.Insert) PlainInsertReader.read(QueryLexer.lex(
                "INSERT INTO pipes_messages (name, event, message) VALUES ('p', 'e', 'a\\'b''c\\\\')")).orElseThrow();
        assertThat(insert.values()).isEqualTo(List.of("p", "e", "a\\'b\\'c\\\\"));
    }
}
