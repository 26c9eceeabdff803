package org.spectrumcomet.conformance.broken;

import com.google.protobuf.MessageLite;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A small well-behaved backend straight on the codec: PONG + STATS, CONNECTED for every LOGIN,
 * 1:1 echo with ACK, rooms with two occupants, self last, a subject and timestamped history. Subclasses
 * override one hook to break one rule. Runs single-threaded on its event loop; exits on EXIT/EOF.
 */
public class RawBackend extends SimpleChannelInboundHandler<SpectrumMessage> {

    static final DateTimeFormatter SPECTRUM_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    protected Channel channel;
    private final Map<String, String> ownNickByRoom = new HashMap<>();

    public static void main(String[] args) throws InterruptedException {
        run(new RawBackend(), args);
    }

    /** Connects to {@code --host}/{@code --port} from Spectrum's argv and serves until EXIT or EOF. */
    static void run(RawBackend backend, String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--host") || args[i].equals("-h")) {
                host = args[i + 1];
            } else if (args[i].equals("--port") || args[i].equals("-p")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            SpectrumCodec.install(c.pipeline(), 16 * 1024 * 1024, false);
                            c.pipeline().addLast(backend);
                        }
                    }).connect(host, port).sync().channel();
            ch.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
        System.exit(0);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SpectrumMessage msg) {
        switch (msg.type()) {
            case TYPE_PING -> onPing();
            case TYPE_EXIT -> ctx.close();
            case TYPE_LOGIN -> onLogin(msg.payload(Protocol.Login.class));
            case TYPE_LOGOUT -> onLogout(msg.payload(Protocol.Logout.class));
            case TYPE_JOIN_ROOM -> onJoin(msg.payload(Protocol.Room.class));
            case TYPE_CONV_MESSAGE -> onMessage(msg.payload(Protocol.ConversationMessage.class));
            default -> { }
        }
    }

    protected void onPing() {
        send(Type.TYPE_PONG, null);
        send(Type.TYPE_STATS, Protocol.Stats.newBuilder().setRes(1000).setInitRes(1000).setShared(100)
                .setId(Long.toString(ProcessHandle.current().pid())).build());
    }

    protected void onLogin(Protocol.Login login) {
        send(Type.TYPE_CONNECTED, Protocol.Connected.newBuilder().setUser(login.getUser()).build());
    }

    protected void onLogout(Protocol.Logout logout) {
        // nothing to tear down
    }

    protected void onJoin(Protocol.Room room) {
        ownNickByRoom.put(room.getRoom(), room.getNickname());
        occupant(room, "echo-bot", 1);
        occupant(room, "echo-fan", 0);
        occupant(room, room.getNickname(), 16);
        subject(room);
        history(room);
    }

    protected void subject(Protocol.Room room) {
        send(Type.TYPE_ROOM_SUBJECT_CHANGED, Protocol.ConversationMessage.newBuilder().setUserName(room.getUserName())
                .setBuddyName(room.getRoom()).setMessage("raw room").setNickname("echo-bot").build());
    }

    protected void occupant(Protocol.Room room, String nick, int flag) {
        send(Type.TYPE_PARTICIPANT_CHANGED, Protocol.Participant.newBuilder().setUserName(room.getUserName())
                .setRoom(room.getRoom()).setNickname(nick).setFlag(flag).setStatus(Protocol.StatusType.STATUS_ONLINE).build());
    }

    protected void history(Protocol.Room room) {
        send(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder().setUserName(room.getUserName())
                .setBuddyName(room.getRoom()).setNickname("echo-bot").setMessage("history")
                .setTimestamp(timestamp(Instant.now().minusSeconds(60))).build());
    }

    protected String timestamp(Instant at) {
        return SPECTRUM_TIME.format(at);
    }

    protected void onMessage(Protocol.ConversationMessage m) {
        String nick = ownNickByRoom.get(m.getBuddyName());
        if (nick != null) {
            send(Type.TYPE_CONV_MESSAGE, m.toBuilder().setNickname(nick).build());
            return;
        }
        if (!m.getId().isEmpty()) {
            send(Type.TYPE_CONV_MESSAGE_ACK, Protocol.ConversationMessage.newBuilder().setUserName(m.getUserName())
                    .setBuddyName(m.getBuddyName()).setMessage("").setId(m.getId()).build());
        }
        echo(m);
    }

    protected void echo(Protocol.ConversationMessage m) {
        send(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder().setUserName(m.getUserName())
                .setBuddyName(m.getBuddyName()).setMessage(m.getMessage()).build());
    }

    protected void send(Type type, MessageLite payload) {
        channel.writeAndFlush(new SpectrumMessage(type, payload));
    }

    /** Writes a length-prefixed body as is, past the codec. */
    protected void sendRawFrame(byte[] body) {
        byte[] frame = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
        channel.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(frame));
    }
}
