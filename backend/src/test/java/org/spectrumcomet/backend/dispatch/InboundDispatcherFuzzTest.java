package org.spectrumcomet.backend.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.handler.BuddyHandler;
import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.backend.handler.RawXmlHandler;
import org.spectrumcomet.backend.handler.RoomHandler;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.handler.VCardHandler;
import org.spectrumcomet.backend.link.LinkEnd;
import org.spectrumcomet.backend.link.LinkHandler;
import org.spectrumcomet.backend.link.ProcessStats;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.BuddyState;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.FramedMainInstance;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.RecordingSink;
import org.spectrumcomet.backend.outbound.VCardContent;
import org.spectrumcomet.backend.outbound.XmlText;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * What the main instance's bytes reach in a backend, without a network: the link's codec and
 * {@link LinkHandler} on an EmbeddedChannel, and every frame routed as {@link InboundDispatcher}
 * routes it ({@link FrameRoutes}), run inline instead of on a user queue so that a failure is seen.
 * With an odd first byte the backend has handlers that answer with the frame's own strings;
 * with an even one it has none and the library's default answers run.
 *
 * <p>Input: one byte choosing the cuts and the handlers, then the stream. Invariants: no exception
 * leaves the pipeline or a route except an oversized frame (which ends the link with
 * PROTOCOL_ERROR); every frame the backend sends passes the never-send rule and carries only
 * XML-legal strings; every inbound buffer and frame body is released.
 */
class InboundDispatcherFuzzTest {

    static final int MAX_FRAME = 4096;

    @FuzzTest
    void routesArbitraryStreams(byte[] input) {
        RecordingSink sink = new RecordingSink();
        LoginLedger ledger = new LoginLedger();
        FramedMainInstance main = new FramedMainInstance(sink, ledger);
        boolean withHandlers = input.length > 0 && (input[0] & 1) == 1;
        Handlers handlers = withHandlers ? echoing(main) : Handlers.builder().build();
        FrameRoutes routes = new FrameRoutes(handlers, new DefaultAnswers(main), ledger, main);
        List<LinkEnd> ends = new ArrayList<>();

        EmbeddedChannel channel = new EmbeddedChannel();
        SpectrumCodec.install(channel.pipeline(), MAX_FRAME, false);
        List<ByteBuf> frames = new ArrayList<>();
        channel.pipeline().addAfter("spectrum-frame-decoder", "frame-probe", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                frames.add((ByteBuf) msg);
                ctx.fireChannelRead(msg);
            }
        });
        channel.pipeline().addLast(new LinkHandler(BackendFeatures.builder().build(), new ProcessStats(),
                Duration.ofMinutes(1), frame -> {
                    InboundDispatcher.userOf(frame);
                    Runnable work = routes.route(frame);
                    if (work != null) {
                        work.run();
                    }
                }, ends::add));

        List<ByteBuf> fed = new ArrayList<>();
        for (byte[] chunk : chunks(input)) {
            if (!channel.isOpen()) {
                break;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(chunk);
            fed.add(buf);
            channel.writeInbound(buf);
        }
        channel.checkException();
        Object out;
        while ((out = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(out);
        }
        channel.finishAndReleaseAll();

        assertThat(ends).isSubsetOf(LinkEnd.EXIT, LinkEnd.EOF, LinkEnd.PROTOCOL_ERROR);
        for (SpectrumMessage frame : sink.frames) {
            if (frame.payload() instanceof Message payload) {
                assertXmlLegal(payload);
            }
        }
        for (ByteBuf buf : fed) {
            assertThat(buf.refCnt()).as("inbound buffer released").isZero();
        }
        for (ByteBuf frame : frames) {
            assertThat(frame.refCnt()).as("frame body released").isZero();
        }
    }

    /** Handlers that answer each frame with its own (untrusted) strings. */
    private static Handlers echoing(MainInstance main) {
        return Handlers.builder()
                .session(new SessionHandler() {
                    @Override
                    public void login(org.spectrumcomet.protocol.pb.Protocol.Login login) {
                        if (login.getPassword().isEmpty()) {
                            main.disconnected(login.getUser(), ConnectionError.AUTHENTICATION_FAILED, login.getLegacyName());
                        } else {
                            main.connected(login.getUser());
                        }
                    }

                    @Override
                    public void logout(org.spectrumcomet.protocol.pb.Protocol.Logout logout) {
                        main.disconnected(logout.getUser(), ConnectionError.NETWORK_ERROR, logout.getLegacyName());
                    }
                })
                .messages(m -> main.message(m.getUserName(),
                        ChatMessage.builder(m.getBuddyName(), m.getMessage()).nickname(m.getNickname()).build()))
                .rooms(new RoomHandler() {
                    @Override
                    public void joinRoom(org.spectrumcomet.protocol.pb.Protocol.Room room) {
                        main.participantChanged(room.getUserName(),
                                ParticipantState.builder(room.getRoom(), room.getNickname()).build());
                        main.roomSubject(room.getUserName(), room.getRoom(), room.getPassword(), room.getNickname());
                    }

                    @Override
                    public void leaveRoom(org.spectrumcomet.protocol.pb.Protocol.Room room) {
                        main.roomNicknameChanged(room.getUserName(), room.getRoom(), room.getNickname());
                    }
                })
                .buddies(new BuddyHandler() {
                    @Override
                    public void buddyChanged(org.spectrumcomet.protocol.pb.Protocol.Buddy buddy) {
                        main.buddyChanged(buddy.getUserName(), BuddyState.builder(buddy.getBuddyName())
                                .alias(buddy.getAlias()).groups(buddy.getGroupList()).statusMessage(buddy.getStatusMessage())
                                .build());
                    }
                })
                .vcards(request -> main.vcard(request.getUserName(), request.getBuddyName(), request.getId(),
                        VCardContent.empty()))
                .rawXml((RawXmlHandler) main::rawXml)
                .queries(main::query)
                .build();
    }

    private static void assertXmlLegal(Message message) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            List<?> values = field.getValue() instanceof List<?> list ? list : List.of(field.getValue());
            for (Object value : values) {
                if (value instanceof String text) {
                    assertThat(XmlText.clean(text)).as("field %s is XML-legal", field.getKey().getName()).isEqualTo(text);
                } else if (value instanceof Message nested) {
                    assertXmlLegal(nested);
                }
            }
        }
    }

    /** The same cuts as the protocol module's fuzz test: first byte seeds them, the rest is the stream. */
    private static List<byte[]> chunks(byte[] input) {
        List<byte[]> chunks = new ArrayList<>();
        if (input.length < 2) {
            return chunks;
        }
        int seed = input[0] & 0xFF;
        Random cuts = new Random(seed);
        int maxChunk = seed <= 1 ? input.length : 1 + (seed % 64) * (1 + seed / 64);
        for (int at = 1; at < input.length; ) {
            int size = Math.min(input.length - at, 1 + cuts.nextInt(maxChunk));
            chunks.add(Arrays.copyOfRange(input, at, at + size));
            at += size;
        }
        return chunks;
    }
}
