package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The protocol's length-encoded integers and strings. */
public final class LengthEncoded {
    private LengthEncoded() {
    }

    /** Writes {@code value} in the shortest form: 1 byte, 0xFC + 2, 0xFD + 3 or 0xFE + 8 bytes. */
    public static void writeInt(ByteBuf out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative length-encoded integer " + value);
        }
        if (value < 251) {
            out.writeByte((int) value);
        } else if (value < 1 << 16) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value < 1 << 24) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    public static void writeBytes(ByteBuf out, byte[] value) {
        writeInt(out, value.length);
        out.writeBytes(value);
    }

    public static void writeString(ByteBuf out, String value) {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a length-encoded integer.
     *
     * @throws IllegalArgumentException on the NULL marker 0xFB, 0xFF, or a truncated value
     */
    public static long readInt(ByteBuf in) {
        int first = in.readUnsignedByte();
        if (first < 251) {
            return first;
        }
        return switch (first) {
            case 0xFC -> in.readUnsignedShortLE();
            case 0xFD -> in.readUnsignedMediumLE();
            case 0xFE -> in.readLongLE();
            default -> throw new IllegalArgumentException("not a length-encoded integer: 0x" + Integer.toHexString(first));
        };
    }

    /** Reads a NUL-terminated string (or up to the end when the NUL is missing). */
    public static String readNulTerminated(ByteBuf in) {
        int nul = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        int end = nul < 0 ? in.writerIndex() : nul;
        String text = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(nul < 0 ? end : end + 1);
        return text;
    }
}
