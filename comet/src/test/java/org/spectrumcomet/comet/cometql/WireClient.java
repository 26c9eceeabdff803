package org.spectrumcomet.comet.cometql;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.spectrumcomet.comet.mysql.Capabilities;
import org.spectrumcomet.comet.mysql.NativePassword;

/** A raw MySQL-protocol client on a socket, to test what drivers never do (pipelining, odd packets). */
final class WireClient implements AutoCloseable {
    static final int LOGIN_FLAGS = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION
            | Capabilities.CONNECT_WITH_DB | Capabilities.PLUGIN_AUTH | Capabilities.LONG_PASSWORD;

    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    byte[] greeting;
    byte[] salt;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Reads the greeting and remembers the salt. */
    byte[] readGreeting() throws IOException {
        greeting = readPacket();
        int at = 1;
        while (greeting[at] != 0) {
            at++;
        }
        at += 1 + 4;
        byte[] part1 = Arrays.copyOfRange(greeting, at, at + 8);
        at += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
        byte[] part2 = Arrays.copyOfRange(greeting, at, at + 12);
        salt = new byte[20];
        System.arraycopy(part1, 0, salt, 0, 8);
        System.arraycopy(part2, 0, salt, 8, 12);
        return greeting;
    }

    static byte[] login(int flags, String user, byte[] auth, String database, String plugin) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        writeIntLE(p, flags);
        writeIntLE(p, 1 << 24);
        p.write(45);
        p.writeBytes(new byte[23]);
        p.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        p.write(0);
        p.write(auth.length);
        p.writeBytes(auth);
        p.writeBytes(database.getBytes(StandardCharsets.UTF_8));
        p.write(0);
        p.writeBytes(plugin.getBytes(StandardCharsets.UTF_8));
        p.write(0);
        return p.toByteArray();
    }

    /** Greeting, login as root with the right key and database CometQL_v1; returns the answer. */
    byte[] logIn() throws IOException {
        readGreeting();
        send(1, login(LOGIN_FLAGS, "root", NativePassword.scramble(CometQlServer.ROOT_KEY, salt), "CometQL_v1",
                NativePassword.PLUGIN));
        return readPacket();
    }

    static byte[] frame(int sequence, byte[] payload) {
        byte[] packet = new byte[4 + payload.length];
        packet[0] = (byte) payload.length;
        packet[1] = (byte) (payload.length >> 8);
        packet[2] = (byte) (payload.length >> 16);
        packet[3] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        return packet;
    }

    static byte[] query(String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        payload[0] = 0x03;
        System.arraycopy(text, 0, payload, 1, text.length);
        return frame(0, payload);
    }

    void send(int sequence, byte[] payload) throws IOException {
        write(frame(sequence, payload));
    }

    void write(byte[]... packets) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            all.writeBytes(packet);
        }
        out.write(all.toByteArray());
        out.flush();
    }

    int lastSequence;

    byte[] readPacket() throws IOException {
        int length = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
        lastSequence = in.readUnsignedByte();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** True when the server closed the connection (EOF before another packet). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (EOFException e) {
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    static int errorCode(byte[] err) {
        if ((err[0] & 0xFF) != 0xFF) {
            throw new AssertionError("not an ERR packet: 0x" + Integer.toHexString(err[0] & 0xFF));
        }
        return (err[1] & 0xFF) | (err[2] & 0xFF) << 8;
    }

    static String errorMessage(byte[] err) {
        return new String(err, 9, err.length - 9, StandardCharsets.UTF_8);
    }

    private static void writeIntLE(ByteArrayOutputStream p, int v) {
        p.write(v);
        p.write(v >> 8);
        p.write(v >> 16);
        p.write(v >> 24);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
