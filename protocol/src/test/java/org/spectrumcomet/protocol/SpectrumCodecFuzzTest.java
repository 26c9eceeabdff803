package org.spectrumcomet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbound half of a Spectrum link ({@link SpectrumCodec}: frame decoder, then WrapperMessage
 * decoder) fed arbitrary bytes in arbitrary pieces. Input: one byte choosing the cuts
 * ({@link FuzzChunks}), then the stream.
 *
 * <p>Invariants: the only exception that leaves the codec is {@link FrameTooLargeException}, and
 * the channel is closed after it; each complete frame before that becomes exactly one
 * {@link SpectrumMessage} or {@link MalformedFrame}; every inbound buffer and every frame body is
 * released (checked here, so campaigns can run without Netty's slow paranoid leak detector).
 */
class SpectrumCodecFuzzTest {

    /** Small enough for the fuzzer to announce bigger frames easily. */
    static final int MAX_FRAME = 4096;

    @FuzzTest
    void decodesArbitraryStreams(byte[] input) {
        List<Object> decoded = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel();
        SpectrumCodec.install(channel.pipeline(), MAX_FRAME, true);
        List<ByteBuf> frames = new ArrayList<>();
        channel.pipeline().addAfter("spectrum-frame-decoder", "frame-probe", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                frames.add((ByteBuf) msg);
                ctx.fireChannelRead(msg);
            }
        });
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                decoded.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.add(cause);
            }
        });

        List<ByteBuf> fed = new ArrayList<>();
        for (byte[] chunk : FuzzChunks.of(input)) {
            if (!channel.isOpen()) {
                break;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(chunk);
            fed.add(buf);
            channel.writeInbound(buf);
        }
        channel.finishAndReleaseAll();

        Expected expected = Expected.of(input);
        for (Throwable failure : failures) {
            assertThat(failure).isInstanceOf(FrameTooLargeException.class);
        }
        assertThat(failures).as("FrameTooLargeException when a frame is oversize").hasSize(expected.oversize ? 1 : 0);
        assertThat(decoded).as("one message per complete frame").hasSize(expected.frames);
        for (Object message : decoded) {
            assertThat(message).isInstanceOfAny(SpectrumMessage.class, MalformedFrame.class);
            if (message instanceof SpectrumMessage m) {
                assertThat(PayloadTypes.isKnown(m.type()) || PayloadTypes.isBare(m.type())).isTrue();
            }
        }
        for (ByteBuf buf : fed) {
            assertThat(buf.refCnt()).as("inbound buffer released").isZero();
        }
        for (ByteBuf frame : frames) {
            assertThat(frame.refCnt()).as("frame body released").isZero();
        }
    }

    /** What a plain reading of the framing rule predicts for the stream part of an input. */
    private record Expected(int frames, boolean oversize) {
        static Expected of(byte[] input) {
            if (input.length < 2) {
                return new Expected(0, false);
            }
            ByteBuffer stream = ByteBuffer.wrap(input, 1, input.length - 1);
            int frames = 0;
            while (stream.remaining() >= 4) {
                long length = stream.getInt(stream.position()) & 0xFFFFFFFFL;
                if (length > MAX_FRAME) {
                    return new Expected(frames, true);
                }
                if (stream.remaining() < 4 + length) {
                    break;
                }
                stream.position(stream.position() + 4 + (int) length);
                frames++;
            }
            return new Expected(frames, false);
        }
    }
}
