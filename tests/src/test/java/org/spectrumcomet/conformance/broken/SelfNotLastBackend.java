package org.spectrumcomet.conformance.broken;

import org.spectrumcomet.protocol.pb.Protocol;

/** Announces the user's own participant first, before the other occupants. */
public final class SelfNotLastBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new SelfNotLastBackend(), args);
    }

    @Override
    protected void onJoin(Protocol.Room room) {
        occupant(room, room.getNickname(), 16);
        occupant(room, "echo-bot", 1);
        occupant(room, "echo-fan", 0);
        history(room);
    }
}
