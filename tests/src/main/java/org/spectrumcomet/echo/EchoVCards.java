package org.spectrumcomet.echo;

import java.nio.charset.StandardCharsets;
import org.spectrumcomet.backend.handler.VCardHandler;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.VCardContent;
import org.spectrumcomet.protocol.pb.Protocol;

/** Every contact has a vCard named after it; the request id is echoed. Own vCard updates are ignored. */
final class EchoVCards implements VCardHandler {

    private final MainInstance main;

    EchoVCards(MainInstance main) {
        this.main = main;
    }

    @Override
    public void vcardRequested(Protocol.VCard request) {
        String buddy = request.getBuddyName();
        main.vcard(request.getUserName(), buddy, request.getId(), new VCardContent("Echo " + buddy, buddy,
                ("echo-avatar:" + buddy).getBytes(StandardCharsets.UTF_8)));
    }
}
