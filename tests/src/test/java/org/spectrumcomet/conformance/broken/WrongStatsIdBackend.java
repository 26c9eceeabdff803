package org.spectrumcomet.conformance.broken;

import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** Reports STATS.id "0": on a ping timeout the real main would SIGABRT its own process group. */
public final class WrongStatsIdBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new WrongStatsIdBackend(), args);
    }

    @Override
    protected void onPing() {
        send(Type.TYPE_PONG, null);
        send(Type.TYPE_STATS, Protocol.Stats.newBuilder().setRes(1).setInitRes(1).setShared(1).setId("0").build());
    }
}
