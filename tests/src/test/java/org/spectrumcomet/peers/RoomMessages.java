package org.spectrumcomet.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;

/** Waiting for one room message in a Smack {@link MultiUserChat}, whatever else arrives first. */
public final class RoomMessages {

    private RoomMessages() {
    }

    /**
     * The next room message matching {@code wanted}, skipping others (e.g. the subject); fails
     * listing what came instead within {@link SmackClients#REPLY_TIMEOUT_MS}.
     */
    public static Message next(MultiUserChat room, String what, Predicate<Message> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + SmackClients.REPLY_TIMEOUT_MS;
        List<String> skipped = new ArrayList<>();
        for (long left = SmackClients.REPLY_TIMEOUT_MS; left > 0; left = deadline - System.currentTimeMillis()) {
            Message message = room.nextMessage(left);
            if (message == null) {
                break;
            }
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(message.toXML().toString());
        }
        throw new AssertionError("no " + what + " in " + room.getRoom() + " within " + SmackClients.REPLY_TIMEOUT_MS
                + " ms; other room messages: " + skipped);
    }
}
