package org.spectrumcomet.conformance.broken;

import org.spectrumcomet.protocol.pb.Protocol;

/** Answers one LOGIN with two CONNECTED frames: the real main replays every room join. */
public final class DoubleConnectedBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new DoubleConnectedBackend(), args);
    }

    @Override
    protected void onLogin(Protocol.Login login) {
        super.onLogin(login);
        super.onLogin(login);
    }
}
