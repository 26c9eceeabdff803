package org.spectrumcomet.bench.link;

import org.spectrumcomet.backend.BackendDefinition;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.SpectrumBackend;
import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The link benchmark's baseline backend, on the same backend library as ours, doing the least a
 * backend must do: LOGIN is answered with CONNECTED, PING with PONG (by the library), and — unless
 * {@value #SILENT_PROPERTY} is true — each CONV_MESSAGE with one prebuilt reply of the echo
 * backend's shape (from "buddy", 100 characters). So it runs under the same closed-loop window as
 * the echo backend (a message is acknowledged by its reply) and the echo/null ratio isolates the
 * echo's per-message work. Silent, it drops CONV_MESSAGEs: the baseline for backends that never
 * answer (Spectrum's template backend, the bridge benchmark's inbound load).
 */
public final class NullBackend {

    static final String SILENT_PROPERTY = "bench.null.silent";

    /** Built once: the reply costs the backend no per-message building, only the library's send path. */
    private static final ChatMessage REPLY = ChatMessage.builder("buddy", "x".repeat(100)).build();

    private NullBackend() {
    }

    public static void main(String[] args) {
        boolean silent = Boolean.getBoolean(SILENT_PROPERTY);
        System.exit(SpectrumBackend.run(args, BackendDefinition.builder("null-backend", "1.0")
                .features(BackendFeatures.builder().needPassword(false).needRegistration(false).build())
                .handlers(context -> handlers(context.mainInstance(), silent))
                .build()));
    }

    static Handlers handlers(MainInstance main, boolean silent) {
        Handlers.Builder handlers = Handlers.builder().session(new SessionHandler() {
            @Override
            public void login(Protocol.Login login) {
                main.connected(login.getUser());
            }

            @Override
            public void logout(Protocol.Logout logout) {
                // nothing kept per user
            }
        });
        if (!silent) {
            handlers.messages(new Replies(main));
        }
        return handlers.build();
    }

    /** One prebuilt reply per CONV_MESSAGE, as the echo backend sends one built reply. */
    static final class Replies implements MessageHandler {

        private final MainInstance main;

        Replies(MainInstance main) {
            this.main = main;
        }

        @Override
        public void message(Protocol.ConversationMessage message) {
            // a full gate drops the reply (the gate logs it), exactly as for the echo backend
            main.message(message.getUserName(), REPLY);
        }
    }
}
