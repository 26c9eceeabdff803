package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryReplyTest {

    private static String hex(ServerMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            message.writeTo(out);
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
        }
    }

    @Test
    void okPacketAsCppComet() {
        assertThat(hex(new QueryReply(1, QueryResult.ok()))).isEqualTo("07000001" + "00000002000000");
        assertThat(hex(new QueryReply(1, new QueryResult.Ok(1, 300)))).isEqualTo("09000001" + "0001fc2c01" + "02000000");
    }

    @Test
    void errPacketCarriesCodeStateAndMessage() {
        assertThat(hex(new QueryReply(3, QueryResult.error(15, "x"))))
                .isEqualTo("0a000003" + "ff0f00" + "23" + "4859303030" + "78");
    }

    @Test
    void resultSetSequenceCountsUpThroughEveryPacket() {
        ByteBuf out = Unpooled.buffer();
        new QueryReply(1, new QueryResult.Rows(List.of("a", "b"), List.of(List.of("1", ""), List.of("x", "y"))))
                .writeTo(out);
        int expected = 1;
        int packets = 0;
        while (out.isReadable()) {
            int length = out.readUnsignedMediumLE();
            assertThat(out.readUnsignedByte()).isEqualTo((short) expected++);
            if (packets == 1) {
                ByteBuf column = out.slice(out.readerIndex(), length);
                assertThat(LengthEncoded.readInt(column)).isEqualTo(3); // "def"
                column.skipBytes(3 + 3);                                // "def", schema, table, original table
                assertThat(LengthEncoded.readInt(column)).isEqualTo(1);
                assertThat((char) column.readByte()).isEqualTo('a');
                column.skipBytes(2 + 1);                                // original name, 0x0c
                assertThat(column.readUnsignedShortLE()).isEqualTo(Capabilities.CHARSET_UTF8MB4);
                column.skipBytes(4);
                assertThat(column.readUnsignedByte()).isEqualTo((short) 0xFD);
            }
            out.skipBytes(length);
            packets++;
        }
        assertThat(packets).isEqualTo(1 + 2 + 1 + 2 + 1);
        out.release();
    }

    @Test
    void aLoneEofAnswersFieldList() {
        assertThat(hex(new QueryReply(1, new QueryResult.EndOfFields()))).isEqualTo("05000001" + "fe00000200");
    }
}
