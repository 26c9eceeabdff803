package org.spectrumcomet.bench.codec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.dispatch.InboundDispatcher;
import org.spectrumcomet.backend.dispatch.UserQueues;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.outbound.FramedMainInstance;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.protocol.MalformedFrame;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The "dispatch" of decode+dispatch, as the backend does it: the link's type switch (PING and EXIT
 * stay on the event loop, where {@code LinkHandler} answers them; the PONG's encode is the PING
 * encode row), then the backend's real {@link InboundDispatcher}: the user the frame names, the
 * route to its handler, the user's bounded serial {@link UserQueues queue}, and the handler call.
 * The queue's worker is the calling thread here: crossing to a pool thread is what the link
 * benchmark measures. CONV_MESSAGE reaches a message handler; PARTICIPANT_CHANGED is a
 * backend→main type, so the dispatcher's route for it is "ignore" (a debug-log check).
 */
final class FrameDispatch implements AutoCloseable {

    private final UserQueues queues = new UserQueues(new CallingThread(), 1000, Duration.ofSeconds(10));
    private final InboundDispatcher dispatcher;
    private long dispatched;
    private long malformed;
    private long userChars;

    FrameDispatch() {
        LoginLedger ledger = new LoginLedger();
        FramedMainInstance main = new FramedMainInstance((frame, user) -> true, ledger);
        dispatcher = new InboundDispatcher(Handlers.builder()
                .messages(m -> userChars += m.getUserName().length())
                .session(new SessionHandler() {
                    @Override
                    public void login(Protocol.Login login) {
                        userChars += login.getUser().length();
                    }

                    @Override
                    public void logout(Protocol.Logout logout) {
                    }
                })
                .build(), main, ledger, queues);
    }

    void accept(Object read) {
        if (read instanceof SpectrumMessage frame) {
            switch (frame.type()) {
                case TYPE_PING, TYPE_EXIT -> { }
                default -> dispatcher.accept(frame);
            }
            dispatched++;
        } else if (read instanceof MalformedFrame) {
            malformed++;
        }
    }

    long dispatched() {
        return dispatched;
    }

    long malformed() {
        return malformed;
    }

    /** Sum of user name lengths the handlers saw: consumed by the benchmark so the calls cannot be optimised away. */
    long userChars() {
        return userChars;
    }

    @Override
    public void close() {
        queues.shutdown(Duration.ofSeconds(1));
    }

    /** Runs each task at once on the submitting thread. */
    private static final class CallingThread extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
