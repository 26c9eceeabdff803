package org.spectrumcomet.conformance.broken;

import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** Echoes 1:1 messages without the required {@code message} field (built with buildPartial). */
public final class MissingFieldBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new MissingFieldBackend(), args);
    }

    @Override
    protected void echo(Protocol.ConversationMessage m) {
        send(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder().setUserName(m.getUserName())
                .setBuddyName(m.getBuddyName()).buildPartial());
    }
}
