/**
 * The MySQL client/server wire protocol, server side, as far as CometQL needs it.
 *
 * <p>Pipeline of one connection:
 * <pre>
 *   MysqlConnectionLimit  (sharable: refuses connections beyond the limit with an ERR)
 *   IdleStateHandler      (closes silent connections)
 *   MysqlPacketDecoder    (bytes → MysqlPacket, size guard)
 *   ServerMessageEncoder  (ServerMessage → bytes)
 *   MysqlChannelHandler   (runs MysqlConnection on the statement executor, answers in order)
 * </pre>
 *
 * <p>The protocol knows nothing about CometQL: it authenticates through and hands query text to a
 * {@link org.spectrumcomet.comet.mysql.MysqlService}, and encodes the
 * {@link org.spectrumcomet.comet.mysql.QueryResult} it gets back.
 */
package org.spectrumcomet.comet.mysql;
