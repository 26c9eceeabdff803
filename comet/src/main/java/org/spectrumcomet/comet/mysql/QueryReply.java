package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answer to one command, starting at {@code sequence} (the request's sequence id + 1) and
 * counting up modulo 256 across the packets of a result set.
 */
public record QueryReply(int sequence, QueryResult result) implements ServerMessage {
    /** Display length announced for every column (characters). */
    static final int COLUMN_LENGTH = 1024;
    private static final int TYPE_VAR_STRING = 0xFD;

    @Override
    public void writeTo(ByteBuf out) {
        if (result instanceof QueryResult.Ok ok) {
            writeOk(out, sequence, ok);
        } else if (result instanceof QueryResult.Failure failure) {
            writeError(out, sequence, failure);
        } else if (result instanceof QueryResult.Rows rows) {
            writeRows(out, rows);
        } else {
            writeEof(out, sequence);
        }
    }

    static void writeOk(ByteBuf out, int sequence, QueryResult.Ok ok) {
        PacketFraming.packet(out, sequence, p -> {
            p.writeByte(0x00);
            LengthEncoded.writeInt(p, ok.affectedRows());
            LengthEncoded.writeInt(p, ok.lastInsertId());
            p.writeShortLE(Capabilities.STATUS_AUTOCOMMIT);
            p.writeShortLE(0); // warnings
        });
    }

    static void writeError(ByteBuf out, int sequence, QueryResult.Failure failure) {
        PacketFraming.packet(out, sequence, p -> {
            p.writeByte(0xFF);
            p.writeShortLE(failure.code());
            p.writeByte('#');
            p.writeBytes(failure.sqlState().getBytes(StandardCharsets.US_ASCII), 0, 5);
            p.writeBytes(failure.message().getBytes(StandardCharsets.UTF_8));
        });
    }

    static void writeEof(ByteBuf out, int sequence) {
        PacketFraming.packet(out, sequence, p -> {
            p.writeByte(0xFE);
            p.writeShortLE(0); // warnings
            p.writeShortLE(Capabilities.STATUS_AUTOCOMMIT);
        });
    }

    private void writeRows(ByteBuf out, QueryResult.Rows rows) {
        int seq = sequence;
        PacketFraming.packet(out, seq++, p -> LengthEncoded.writeInt(p, rows.columns().size()));
        for (String column : rows.columns()) {
            PacketFraming.packet(out, seq++ & 0xFF, p -> writeColumn(p, column));
        }
        writeEof(out, seq++ & 0xFF);
        for (List<String> row : rows.rows()) {
            PacketFraming.packet(out, seq++ & 0xFF, p -> {
                for (String value : row) {
                    LengthEncoded.writeString(p, value == null ? "" : value);
                }
            });
        }
        writeEof(out, seq & 0xFF);
    }

    private static void writeColumn(ByteBuf p, String name) {
        LengthEncoded.writeString(p, "def");
        LengthEncoded.writeString(p, "");   // schema
        LengthEncoded.writeString(p, "");   // table
        LengthEncoded.writeString(p, "");   // original table
        LengthEncoded.writeString(p, name);
        LengthEncoded.writeString(p, name); // original name
        p.writeByte(0x0C);                  // length of the fixed fields
        p.writeShortLE(Capabilities.CHARSET_UTF8MB4);
        p.writeIntLE(COLUMN_LENGTH * 4);
        p.writeByte(TYPE_VAR_STRING);
        p.writeShortLE(0);                  // flags
        p.writeByte(0);                     // decimals
        p.writeShortLE(0);                  // filler
    }
}
