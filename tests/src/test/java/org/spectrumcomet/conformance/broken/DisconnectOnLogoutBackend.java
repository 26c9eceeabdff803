package org.spectrumcomet.conformance.broken;

import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** Answers LOGOUT with DISCONNECTED, which the real main would count against the next session. */
public final class DisconnectOnLogoutBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new DisconnectOnLogoutBackend(), args);
    }

    @Override
    protected void onLogout(Protocol.Logout logout) {
        send(Type.TYPE_DISCONNECTED, Protocol.Disconnected.newBuilder().setUser(logout.getUser()).setError(16)
                .setMessage("bye").build());
    }
}
