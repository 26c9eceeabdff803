package org.spectrumcomet.bench.codec;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.spectrumcomet.protocol.MalformedFrame;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The "dispatch" of decode+dispatch: the end of the pipeline, picking the user a frame belongs to
 * and the handler for its type, as the backend's dispatcher does before it hands the work to the
 * user's queue. The queue hand-off itself is left out: it crosses threads and is what the link
 * benchmark measures.
 */
final class FrameDispatch extends ChannelInboundHandlerAdapter {

    private long dispatched;
    private long malformed;
    private long userChars;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof SpectrumMessage frame) {
            userChars += route(frame).length();
            dispatched++;
        } else if (msg instanceof MalformedFrame) {
            malformed++;
        } else {
            ReferenceCountUtil.release(msg);
            malformed++;
        }
    }

    /** The user key of a frame; "" for frames that name none (PING). */
    private static String route(SpectrumMessage frame) {
        return switch (frame.type()) {
            case TYPE_CONV_MESSAGE -> frame.payload(Protocol.ConversationMessage.class).getUserName();
            case TYPE_PARTICIPANT_CHANGED -> frame.payload(Protocol.Participant.class).getUserName();
            case TYPE_LOGIN -> frame.payload(Protocol.Login.class).getUser();
            default -> "";
        };
    }

    long dispatched() {
        return dispatched;
    }

    long malformed() {
        return malformed;
    }

    /** Sum of user name lengths seen: consumed by the benchmark so the routing cannot be optimised away. */
    long userChars() {
        return userChars;
    }
}
