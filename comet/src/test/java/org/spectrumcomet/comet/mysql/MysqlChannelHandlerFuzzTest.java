package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;

/**
 * The CometQL listener's wire pipeline ({@link MysqlPacketDecoder}, {@link ServerMessageEncoder},
 * {@link MysqlChannelHandler} around a {@link MysqlConnection}) on an EmbeddedChannel, fed
 * arbitrary bytes in arbitrary pieces. The first input byte seeds the cuts; when it is odd the
 * client has logged in properly first, so the bytes reach the command phase.
 *
 * <p>Invariants: the only exception the decoder raises is {@link MysqlPacketTooLargeException},
 * answered with ERR 11 and a close; no statement ends in ERR 500 (an exception inside the protocol
 * code); what the server writes is well-framed MySQL packets; garbage never logs in (no OK
 * before a proper login); every inbound buffer and every decoded packet is released.
 */
class MysqlChannelHandlerFuzzTest {

    static final int MAX_PACKET = 2048;
    static final String PASSWORD = "pw";

    @FuzzTest
    void handlesArbitraryClientBytes(byte[] input) {
        Queue<Runnable> executor = new ArrayDeque<>();
        List<Throwable> decoderFailures = new ArrayList<>();
        List<MysqlPacket> packets = new ArrayList<>();
        MysqlConnection connection = new MysqlConnection(service(), null, 1);
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlPacketDecoder(MAX_PACKET), ServerMessageEncoder.INSTANCE,
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        packets.add((MysqlPacket) msg);
                        ctx.fireChannelRead(msg);
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        decoderFailures.add(cause);
                        ctx.fireExceptionCaught(cause);
                    }
                }, new MysqlChannelHandler(connection, executor::add));
        ByteBuf written = Unpooled.buffer();
        boolean loggedIn = input.length > 0 && (input[0] & 1) == 1;
        if (loggedIn) {
            logIn(channel, executor, written);
        }
        int before = written.writerIndex();

        List<ByteBuf> fed = new ArrayList<>();
        for (byte[] chunk : chunks(input)) {
            if (!channel.isOpen()) {
                break;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(chunk);
            fed.add(buf);
            channel.writeInbound(buf);
            drain(channel, executor, written);
        }
        drain(channel, executor, written);
        channel.checkException();
        channel.finishAndReleaseAll();

        for (Throwable failure : decoderFailures) {
            assertThat(failure).isInstanceOf(MysqlPacketTooLargeException.class);
        }
        List<byte[]> replies = packets(written.slice(before, written.writerIndex() - before));
        written.release();
        for (byte[] reply : replies) {
            if (reply.length > 0 && (reply[0] & 0xFF) == 0xFF) {
                int code = (reply[1] & 0xFF) | (reply[2] & 0xFF) << 8;
                assertThat(code).as("ERR %s", new String(reply, 3, reply.length - 3, StandardCharsets.UTF_8))
                        .isNotEqualTo(500);
            }
            if (!loggedIn) {
                assertThat(reply.length > 0 && reply[0] == 0).as("OK without a proper login").isFalse();
            }
        }
        if (!decoderFailures.isEmpty()) {
            assertThat(channel.isOpen()).as("closed after an oversize packet").isFalse();
        }
        for (ByteBuf buf : fed) {
            assertThat(buf.refCnt()).as("inbound buffer released").isZero();
        }
        for (MysqlPacket packet : packets) {
            assertThat(packet.refCnt()).as("packet released").isZero();
        }
    }

    private static MysqlService service() {
        return new MysqlService() {
            @Override
            public String serverVersion() {
                return "5.7.99-fuzz";
            }

            @Override
            public Optional<String> passwordOf(String user) {
                return user.equals("root") ? Optional.of(PASSWORD) : Optional.empty();
            }

            @Override
            public MysqlSession open(String user, SocketAddress remote) {
                return new MysqlSession() {
                    @Override
                    public QueryResult query(String sql) {
                        return new QueryResult.Rows(List.of("q"), List.of(List.of(sql)));
                    }

                    @Override
                    public QueryResult useDatabase(String database) {
                        return database.equals("CometQL_v1") ? QueryResult.ok() : QueryResult.error(15, "no such database");
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** A correct mysql_native_password login, as a client library would send it. */
    private static void logIn(EmbeddedChannel channel, Queue<Runnable> executor, ByteBuf written) {
        ByteBuf greeting = channel.readOutbound();
        greeting.skipBytes(4 + 1);
        while (greeting.readByte() != 0) {
            // server version
        }
        greeting.skipBytes(4);
        byte[] salt = new byte[20];
        greeting.readBytes(salt, 0, 8);
        greeting.skipBytes(1 + 2 + 1 + 2 + 2 + 1 + 10);
        greeting.readBytes(salt, 8, 12);
        greeting.release();
        byte[] scramble = NativePassword.scramble(PASSWORD, salt);
        ByteBuf login = Unpooled.buffer();
        ByteBuf payload = Unpooled.buffer();
        payload.writeIntLE(Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION).writeIntLE(0).writeByte(45)
                .writeZero(23).writeBytes("root".getBytes(StandardCharsets.US_ASCII)).writeByte(0)
                .writeByte(scramble.length).writeBytes(scramble);
        login.writeMediumLE(payload.readableBytes()).writeByte(1).writeBytes(payload);
        payload.release();
        channel.writeInbound(login);
        drain(channel, executor, written);
        assertThat(written.getByte(4)).as("logged in").isEqualTo((byte) 0);
    }

    private static void drain(EmbeddedChannel channel, Queue<Runnable> executor, ByteBuf written) {
        channel.runPendingTasks();
        Runnable task;
        while ((task = executor.poll()) != null) {
            task.run();
            channel.runPendingTasks();
        }
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            written.writeBytes(out);
            out.release();
        }
    }

    /** Splits the server's bytes into packet payloads, checking the framing as it goes. */
    private static List<byte[]> packets(ByteBuf bytes) {
        List<byte[]> payloads = new ArrayList<>();
        while (bytes.isReadable()) {
            assertThat(bytes.readableBytes()).as("packet header").isGreaterThanOrEqualTo(4);
            int length = bytes.readUnsignedMediumLE();
            bytes.skipBytes(1);
            assertThat(bytes.readableBytes()).as("packet body").isGreaterThanOrEqualTo(length);
            byte[] payload = new byte[length];
            bytes.readBytes(payload);
            payloads.add(payload);
        }
        return payloads;
    }

    /** The first byte seeds the cuts (and the login, see above), the rest is the stream. */
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
