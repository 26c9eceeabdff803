/**
 * CometQL: the SQL dialect of the comet network, spoken over the MySQL wire protocol
 * ({@link org.spectrumcomet.comet.mysql}).
 *
 * <p>{@link org.spectrumcomet.comet.cometql.CometQlListener} binds the socket. A query goes
 * {@code QueryLexer} (comments out, literals cut out raw) → {@code SessionStatements} (SET, SELECT
 * {@literal @@}x, SHOW, USE — what drivers send at connect time) or {@code TableStatementParser}
 * (JSqlParser) → {@code TableStatementRunner} → one {@code CometTable} per table, which calls the
 * {@link org.spectrumcomet.comet.engine.CometEngine}. Error codes are CometQL's
 * ({@link org.spectrumcomet.comet.cometql.CometQlException}).
 */
package org.spectrumcomet.comet.cometql;
