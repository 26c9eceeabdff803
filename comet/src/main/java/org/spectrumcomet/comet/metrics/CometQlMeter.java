package org.spectrumcomet.comet.metrics;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.spectrumcomet.comet.mysql.QueryReply;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * Watches a CometQL connection from inside its pipeline, before the encoder: counts it in
 * {@code comet_connections_*{protocol="cometql"}} and every ERR packet it is sent in
 * {@code comet_errors_total{protocol="cometql",code}}. (ERR 1040 "too many connections" is written
 * by the connection limit at the head of the pipeline, before this handler, and is not counted.)
 *
 * <pre>
 * limit → idle → MysqlPacketDecoder → ServerMessageEncoder → CometQlMeter → MysqlChannelHandler
 * </pre>
 */
@ChannelHandler.Sharable
public final class CometQlMeter extends ChannelDuplexHandler {

    private final ConnectionMeter connections;
    private final ErrorMeter.ProtocolErrors errors;

    public CometQlMeter(CometMetrics metrics) {
        this.connections = metrics.connections(Protocol.COMETQL);
        this.errors = metrics.errors(Protocol.COMETQL);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connections.track(ctx.channel());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof QueryReply reply && reply.result() instanceof QueryResult.Failure failure) {
            errors.sent(failure.code());
        }
        ctx.write(msg, promise);
    }
}
