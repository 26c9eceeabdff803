package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler with an EmbeddedChannel and a hand-driven executor: order, backpressure, release. */
class MysqlChannelHandlerTest {
    private final Queue<Runnable> executor = new ArrayDeque<>();
    private final List<String> executed = new ArrayList<>();
    private EmbeddedChannel channel;
    private MysqlConnection connection;

    private final MysqlService service = new MysqlService() {
        @Override
        public String serverVersion() {
            return "5.7.99-test";
        }

        @Override
        public Optional<String> passwordOf(String user) {
            return user.equals("root") ? Optional.of("pw") : Optional.empty();
        }

        @Override
        public MysqlSession open(String user, SocketAddress remote) {
            return new MysqlSession() {
                @Override
                public QueryResult query(String sql) {
                    executed.add(sql);
                    return new QueryResult.Rows(List.of("q"), List.of(List.of(sql)));
                }

                @Override
                public Optional<QueryResult> queryWithoutBlocking(String sql) {
                    if (!sql.startsWith("fast")) {
                        return Optional.empty();
                    }
                    executed.add("inline:" + sql);
                    return Optional.of(new QueryResult.Rows(List.of("q"), List.of(List.of(sql))));
                }

                @Override
                public QueryResult useDatabase(String database) {
                    return QueryResult.ok();
                }

                @Override
                public void close() {
                }
            };
        }
    };

    @BeforeEach
    void connect() {
        connection = new MysqlConnection(service, null, 1);
        channel = new EmbeddedChannel(new MysqlPacketDecoder(1000), ServerMessageEncoder.INSTANCE,
                new MysqlChannelHandler(connection, executor::add));
    }

    private void drain() {
        Runnable task;
        while ((task = executor.poll()) != null) {
            task.run();
            channel.runPendingTasks();
        }
    }

    private ByteBuf packet(int sequence, byte[] payload) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeMediumLE(payload.length).writeByte(sequence).writeBytes(payload);
        return buf;
    }

    private byte[] salt() {
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
        return salt;
    }

    private void logIn() {
        byte[] scramble = NativePassword.scramble("pw", salt());
        ByteBuf login = Unpooled.buffer();
        login.writeIntLE(Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION).writeIntLE(0).writeByte(45)
                .writeZero(23).writeBytes("root".getBytes(StandardCharsets.US_ASCII)).writeByte(0)
                .writeByte(scramble.length).writeBytes(scramble);
        byte[] payload = new byte[login.readableBytes()];
        login.readBytes(payload).release();
        channel.writeInbound(packet(1, payload));
        drain();
        ByteBuf ok = channel.readOutbound();
        assertThat(ok.getByte(4)).isEqualTo((byte) 0);
        ok.release();
    }

    private static byte[] query(String sql) {
        return ("\u0003" + sql).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pipelinedQueriesRunOneAtATimeAndAreAnsweredInOrder() {
        logIn();
        ByteBuf two = Unpooled.buffer();
        two.writeBytes(packet(0, query("first"))).writeBytes(packet(0, query("second")));
        channel.writeInbound(two);
        assertThat(executor).hasSize(1); // the second waits for the first
        drain();
        assertThat(executed).containsExactly("first", "second");
        List<String> answers = new ArrayList<>();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            answers.add(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        assertThat(String.join("", answers)).containsSubsequence("first", "second");
        assertThat(two.refCnt()).isZero();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private String answers() {
        StringBuilder all = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            all.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        return all.toString();
    }

    @Test
    void aQueryTheSessionAnswersWithoutBlockingSkipsTheExecutor() {
        logIn();
        channel.writeInbound(packet(0, query("fast one")));
        assertThat(executor).isEmpty();
        assertThat(executed).containsExactly("inline:fast one");
        assertThat(answers()).contains("fast one");
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void inLoopAnswersWaitForTheStatementBeforeThemAndKeepTheOrder() {
        logIn();
        ByteBuf five = Unpooled.buffer();
        for (String sql : List.of("slow1", "fast1", "fast2", "slow2", "fast3")) {
            five.writeBytes(packet(0, query(sql)));
        }
        channel.writeInbound(five);
        assertThat(executed).as("nothing overtakes the running statement").isEmpty();
        assertThat(executor).hasSize(1);
        drain();
        assertThat(executed).containsExactly("slow1", "inline:fast1", "inline:fast2", "slow2", "inline:fast3");
        assertThat(answers()).containsSubsequence("slow1", "fast1", "fast2", "slow2", "fast3");
        assertThat(five.refCnt()).isZero();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void readingPausesWhenTooManyRequestsWait() {
        logIn();
        for (int i = 0; i < MysqlChannelHandler.MAX_PENDING + 1; i++) {
            channel.writeInbound(packet(0, query("q" + i)));
        }
        assertThat(channel.config().isAutoRead()).isFalse();
        drain();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(executed).hasSize(MysqlChannelHandler.MAX_PENDING + 1);
        channel.finishAndReleaseAll();
    }

    @Test
    void pendingPacketsAreReleasedWhenTheChannelCloses() {
        logIn();
        ByteBuf a = packet(0, query("a"));
        ByteBuf b = packet(0, query("b"));
        channel.writeInbound(a, b);
        channel.close();
        drain();
        assertThat(executed).containsExactly("a"); // already handed to the executor; "b" never runs
        assertThat(a.refCnt()).isZero();
        assertThat(b.refCnt()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void anOversizePacketIsAnsweredAfterEarlierRequestsThenTheConnectionCloses() {
        logIn();
        ByteBuf buf = packet(0, query("before"));
        buf.writeMediumLE(5000).writeByte(0);
        channel.writeInbound(buf);
        drain();
        ByteBuf out;
        StringBuilder all = new StringBuilder();
        while ((out = channel.readOutbound()) != null) {
            all.append(out.toString(StandardCharsets.ISO_8859_1));
            out.release();
        }
        assertThat(all.toString()).containsSubsequence("before", "Packet too large");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }
}
