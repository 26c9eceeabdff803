package org.spectrumcomet.conformance.broken;

import org.spectrumcomet.protocol.pb.Protocol;

/** Sends the room subject before the user's own participant (the main would hold it back). */
public final class SubjectBeforeSelfBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new SubjectBeforeSelfBackend(), args);
    }

    @Override
    protected void onJoin(Protocol.Room room) {
        occupant(room, "echo-bot", 1);
        occupant(room, "echo-fan", 0);
        subject(room);
        occupant(room, room.getNickname(), 16);
        history(room);
    }
}
