package org.spectrumcomet.comet.cometql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryLexerTest {

    @Test
    void literalsAreCutOutRawWithoutDecodingEscapes() {
        QueryLexer.Lexed lexed = QueryLexer.lex("INSERT INTO t VALUES ('it\\'s', 'a''b', \"x\\ny\", 'nul\u0000 \uD83D\uDE00')");
        assertThat(lexed.text()).isEqualTo("INSERT INTO t VALUES ('0', '1', '2', '3')");
        assertThat(lexed.literals()).containsExactly("it\\'s", "a\\'b", "x\\ny", "nul\u0000 \uD83D\uDE00");
    }

    @Test
    void commentsAreDroppedButNotInsideLiterals() {
        QueryLexer.Lexed lexed = QueryLexer.lex("/* mysql-connector-j */SELECT @@a -- trailing\n, '/* kept */' # hash");
        assertThat(lexed.text()).isEqualTo("SELECT @@a  , '0'");
        assertThat(lexed.literals()).containsExactly("/* kept */");
    }

    @Test
    void theWordIndexIsBackquotedForTheParser() {
        assertThat(QueryLexer.lex("SELECT index, `index`, Index FROM t WHERE name = 'index'").text())
                .isEqualTo("SELECT `index`, `index`, `Index` FROM t WHERE name = '0'");
    }

    @Test
    void unterminatedLiteralsAndCommentsAreSyntaxErrors() {
        for (String bad : new String[] {"SELECT 'abc", "SELECT 1 /* open", "SELECT `col"}) {
            assertThatThrownBy(() -> QueryLexer.lex(bad)).isInstanceOf(CometQlException.class)
                    .satisfies(e -> assertThat(((CometQlException) e).code()).isEqualTo(CometQlException.SYNTAX));
        }
    }
}
