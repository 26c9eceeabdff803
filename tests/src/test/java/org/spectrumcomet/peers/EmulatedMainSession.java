package org.spectrumcomet.peers;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The session {@link RealMainFramesIT} drives through the real main, driven through the kit's
 * emulated main instead (same echo backend, same users, rooms and order), returning every frame
 * the emulated main sent.
 */
final class EmulatedMainSession {

    private static final Duration REPLY = Duration.ofSeconds(10);

    private EmulatedMainSession() {
    }

    static List<SpectrumMessage> run(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        try (MainInstance main = MainInstance.start(MainOptions.defaults(workDir))) {
            main.spawn(PeerBackend.echo().command(), "echo");
            if (main.awaitLink(REPLY) == null) {
                throw new AssertionError("the echo backend did not connect to the emulated main");
            }
            // The real main opens its XMPP port only after the first PONG: nobody logs in earlier.
            await(main, m -> m.type() == Type.TYPE_PONG, "PONG");
            MainUser tara = main.user("tara@localhost");
            tara.login("tara", "pw");
            awaitPresence(main, "tara@localhost");
            tara.sendMessage("buddy", "tapped hello", "id-1");
            await(main, m -> m.type() == Type.TYPE_CONV_MESSAGE_ACK, "CONV_MESSAGE_ACK");
            tara.joinRoom("tapped", "tara-nick");
            await(main, m -> m.type() == Type.TYPE_PARTICIPANT_CHANGED
                    && m.payload(Protocol.Participant.class).getNickname().equals("tara-nick"), "own participant");
            tara.setSubject("tapped", "Tapped subject");
            tara.sendMessage("tapped", "tapped room line", null);
            tara.leaveRoom("tapped");
            tara.requestVCard("buddy");
            await(main, m -> m.type() == Type.TYPE_VCARD, "VCARD");
            MainUser uma = main.user("uma@localhost");
            uma.login("uma", "pw");
            awaitPresence(main, "uma@localhost");
            uma.joinRoom("kept", "uma-nick");
            await(main, m -> m.type() == Type.TYPE_PARTICIPANT_CHANGED
                    && m.payload(Protocol.Participant.class).getNickname().equals("uma-nick"), "uma's participant");
            uma.logout();
            tara.logout();
            return sent(main);
        }
    }

    /** CONNECTED arrived and the main sent the client's presence after it (the second STATUS_CHANGED). */
    private static void awaitPresence(MainInstance main, String jid) {
        await(main, m -> m.type() == Type.TYPE_CONNECTED && m.payload(Protocol.Connected.class).getUser().equals(jid),
                "CONNECTED for " + jid);
        boolean sent = main.recording().awaitRecord(0, REPLY, r -> r.direction() == FrameRecord.Direction.SENT
                && r.message() != null && r.message().type() == Type.TYPE_STATUS_CHANGED
                && r.message().payload(Protocol.Status.class).getUserName().equals(jid)
                && main.recording().all().stream().anyMatch(c -> c.seq() < r.seq() && c.message() != null
                        && c.message().type() == Type.TYPE_CONNECTED)).isPresent();
        if (!sent) {
            throw new AssertionError("the emulated main sent no STATUS_CHANGED for " + jid + " after CONNECTED");
        }
    }

    /**
     * A user whose login waited for the backend's first PONG (vera in the real run). The backend
     * is a bare socket here, so that the login is surely queued before the PONG.
     */
    static List<SpectrumMessage> runQueued(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        try (MainInstance main = MainInstance.start(MainOptions.defaults(workDir));
             Socket backend = new Socket("127.0.0.1", main.port())) {
            backend.setSoTimeout((int) REPLY.toMillis());
            DataInputStream in = new DataInputStream(backend.getInputStream());
            DataOutputStream out = new DataOutputStream(backend.getOutputStream());
            if (main.awaitLink(REPLY) == null) {
                throw new AssertionError("the emulated main did not accept the bare backend");
            }
            skipFrame(in); // PING
            MainUser vera = main.user("vera@localhost");
            vera.login("vera", "pw");
            write(out, Type.TYPE_PONG, null);
            skipFrame(in); // LOGIN
            write(out, Type.TYPE_CONNECTED, Protocol.Connected.newBuilder().setUser("vera@localhost").build());
            awaitPresence(main, "vera@localhost");
            vera.logout();
            return sent(main);
        }
    }

    private static void skipFrame(DataInputStream in) throws java.io.IOException {
        in.readFully(new byte[in.readInt()]);
    }

    private static void write(DataOutputStream out, Type type, com.google.protobuf.MessageLite payload)
            throws java.io.IOException {
        Protocol.WrapperMessage.Builder w = Protocol.WrapperMessage.newBuilder().setType(type);
        if (payload != null) {
            w.setPayload(payload.toByteString());
        }
        byte[] bytes = w.build().toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    private static List<SpectrumMessage> sent(MainInstance main) {
        return main.recording().all().stream().filter(r -> r.direction() == FrameRecord.Direction.SENT)
                .map(FrameRecord::message).toList();
    }

    private static void await(MainInstance main, Predicate<SpectrumMessage> match, String what) {
        if (main.recording().awaitReceived(0, REPLY, match).isEmpty()) {
            throw new AssertionError("the emulated main got no " + what + " from the echo backend");
        }
    }
}
