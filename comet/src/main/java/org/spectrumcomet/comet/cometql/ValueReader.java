package org.spectrumcomet.comet.cometql;

import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/** Reads a parsed value back as its raw text: string placeholders resolve to the lexed literal. */
final class ValueReader {
    private final QueryLexer.Lexed lexed;

    ValueReader(QueryLexer.Lexed lexed) {
        this.lexed = lexed;
    }

    /** The value's text exactly as the client wrote it (literals without their quotes). */
    String text(Expression value) {
        if (value instanceof StringValue string) {
            if (string.getPrefix() != null) {
                throw new CometQlException(CometQlException.SYNTAX,
                        "Syntax error in query: string prefix " + string.getPrefix() + " is not supported");
            }
            return lexed.literal(string.getValue());
        }
        if (value instanceof LongValue number) {
            return number.getStringValue();
        }
        if (value instanceof DoubleValue number) {
            return number.toString();
        }
        if (value instanceof SignedExpression signed) {
            return signed.getSign() + text(signed.getExpression());
        }
        if (value instanceof NullValue) {
            throw new CometQlException(CometQlException.INVALID_VALUE, "NULL is not a CometQL value");
        }
        throw new CometQlException(CometQlException.SYNTAX,
                "Syntax error in query: `" + value + "` is not a value (use a quoted string or an integer)");
    }

    /** A non-negative integer (a LIMIT). */
    long number(Expression value, String what) {
        String text = text(value);
        if (!text.matches("[0-9]{1,18}")) {
            throw new CometQlException(CometQlException.INVALID_VALUE, what + " must be a non-negative integer, not `" + text + "`");
        }
        return Long.parseLong(text);
    }
}
