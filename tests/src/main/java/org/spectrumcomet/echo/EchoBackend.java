package org.spectrumcomet.echo;

import org.spectrumcomet.backend.BackendDefinition;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.SpectrumBackend;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.MainInstance;

/**
 * The echo backend's entry point, spawned by Spectrum (or the conformance kit) as
 * {@code java -cp <classpath> org.spectrumcomet.echo.EchoBackend --host H --port P ... CONFIG}.
 * Built on the backend library; its legacy network is {@link EchoRules}.
 */
public final class EchoBackend {

    private EchoBackend() {
    }

    public static void main(String[] args) {
        System.exit(SpectrumBackend.run(args, definition()));
    }

    /** The backend: no registration needed, rooms and receipts advertised. */
    public static BackendDefinition definition() {
        return BackendDefinition.builder("echo-backend", "1.0")
                .features(BackendFeatures.builder().needPassword(false).needRegistration(false)
                        .muc(true).receipts(true).build())
                .handlers(context -> handlers(context.mainInstance()))
                .build();
    }

    static Handlers handlers(MainInstance main) {
        EchoRooms rooms = new EchoRooms(main);
        EchoSessions sessions = new EchoSessions(main, rooms);
        return Handlers.builder()
                .session(sessions)
                .buddies(sessions)
                .messages(new EchoConversations(main, rooms))
                .rooms(rooms)
                .vcards(new EchoVCards(main))
                .build();
    }
}
