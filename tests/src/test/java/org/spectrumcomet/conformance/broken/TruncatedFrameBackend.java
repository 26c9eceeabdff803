package org.spectrumcomet.conformance.broken;

import java.util.Arrays;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** Sends its BACKEND_CONFIG cut short (length prefix matching the cut body) before the first PONG. */
public final class TruncatedFrameBackend extends RawBackend {

    private boolean sentConfig;

    public static void main(String[] args) throws InterruptedException {
        run(new TruncatedFrameBackend(), args);
    }

    @Override
    protected void onPing() {
        if (!sentConfig) {
            sentConfig = true;
            byte[] whole = Protocol.WrapperMessage.newBuilder().setType(Type.TYPE_BACKEND_CONFIG)
                    .setPayload(Protocol.BackendConfig.newBuilder().setConfig("[features]\nmuc=1\n").build().toByteString())
                    .build().toByteArray();
            sendRawFrame(Arrays.copyOf(whole, whole.length - 5));
        }
        super.onPing();
    }
}
