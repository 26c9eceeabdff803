package org.spectrumcomet.bridge.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.bridge.chat.PrivateChat;
import org.spectrumcomet.bridge.config.CometSettings;
import org.spectrumcomet.bridge.metrics.BridgeMeters;
import org.spectrumcomet.bridge.presence.BuddyRoster;
import org.spectrumcomet.bridge.rooms.RoomSet;

/**
 * One logged-in XMPP user and its comet socket, from LOGIN to LOGOUT or DISCONNECTED.
 *
 * <pre>
 *   CONNECTING ─accepted→ CONNECTED ─socket lost→ SUSPENDED ─restored→ CONNECTED
 *        │ rejected / unreachable / timeout            └─grace period over→ DISCONNECTED(NETWORK_ERROR)
 *        └→ DISCONNECTED(AUTHENTICATION_FAILED / NETWORK_ERROR)      LOGOUT → closed from any state
 * </pre>
 * All state is touched only on the session's {@link SerialExecutor}; the volatile {@code ended}
 * flag is set at once by LOGOUT or a replacing LOGIN so that queued tasks do not run, and every
 * frame goes through a {@link SessionMainInstance} that drops anything (callbacks already under
 * way included) once the session has ended.
 */
public final class UserSession {

    private static final Logger LOG = LoggerFactory.getLogger(UserSession.class);

    /** Where the session stands (see the class comment). */
    public enum State { CONNECTING, CONNECTED, SUSPENDED, CLOSED }

    private final String jid;
    private final long userId;
    private final String key;
    private final SessionServices services;
    private final SessionMainInstance main;
    private final SerialExecutor executor;
    private final Outbox outbox;
    private final NoticeThrottle notices = new NoticeThrottle(5, Duration.ofSeconds(1));
    private final Consumer<UserSession> onEnd;
    private final RoomSet rooms;
    private final BuddyRoster roster;
    private final PrivateChat chat;
    private volatile boolean ended;
    private volatile State state = State.CONNECTING; // volatile: read by metrics
    private CometUserLink link;
    private SessionTimer.Cancellable loginTimer;
    private SessionTimer.Cancellable graceTimer;
    private SessionTimer.Cancellable pollTimer;
    private Set<String> subscribed = Set.of();

    UserSession(String jid, long userId, String key, SessionServices services, Consumer<UserSession> onEnd) {
        this.jid = jid;
        this.userId = userId;
        this.key = key;
        this.services = services;
        this.main = new SessionMainInstance(services.main(), jid);
        this.onEnd = onEnd;
        this.executor = new SerialExecutor(services.pool(), 10_000, "user " + jid + " (comet " + userId + ")");
        this.outbox = new Outbox(executor.continuation(), services.settings().maxPendingSends(),
                services.settings().queryTimeout().multipliedBy(2));
        this.rooms = new RoomSet(this);
        this.roster = new BuddyRoster(this);
        this.chat = new PrivateChat(this);
    }

    public String jid() {
        return jid;
    }

    public long userId() {
        return userId;
    }

    /** The main instance for this session's frames: nothing passes once the session has ended. */
    public MainInstance main() {
        return main;
    }

    public CometNetwork network() {
        return services.network();
    }

    public CometSettings settings() {
        return services.settings();
    }

    public Instant now() {
        return services.clock().instant();
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Where this session counts the messages it hands to the XMPP side. */
    public BridgeMeters meters() {
        return services.meters();
    }

    public RoomSet rooms() {
        return rooms;
    }

    public BuddyRoster roster() {
        return roster;
    }

    public PrivateChat chat() {
        return chat;
    }

    /** Runs {@code task} on this session's serial executor unless the session has ended. */
    public void execute(Runnable task) {
        executor.execute(() -> {
            if (!ended) {
                task.run();
            }
        });
    }

    /**
     * Runs {@code task}, the continuation of work this session already accepted (a comet answer),
     * on the serial executor unless the session has ended; never dropped by the executor's bound.
     */
    public void resume(Runnable task) {
        executor.continuation().execute(() -> {
            if (!ended) {
                task.run();
            }
        });
    }

    /** True until LOGOUT, DISCONNECTED or a replacing LOGIN. */
    public boolean isLive() {
        return !ended;
    }

    /** True while comet has accepted the user (also during a grace period). */
    public boolean isConnected() {
        return state == State.CONNECTED || state == State.SUSPENDED;
    }

    public State state() {
        return state;
    }

    /** Tells the user something went wrong, as a message from the {@link PrivateChat#PSEUDO_BUDDY}. */
    public void notice(String text) {
        LOG.warn("user {} (comet {}): {}", jid, userId, text);
        if (ended) {
            return;
        }
        if (notices.admit(now())) {
            main().message(jid, ChatMessage.builder(PrivateChat.PSEUDO_BUDDY, text).build());
        } else if (notices.firstSuppressed()) {
            services.timer().schedule(notices.window(), () -> resume(this::noticeSummary));
        }
    }

    private void noticeSummary() {
        String summary = notices.takeSummary();
        if (summary != null) {
            main().message(jid, ChatMessage.builder(PrivateChat.PSEUDO_BUDDY, summary).build());
        }
    }

    /** Sends the subscription set again: joined rooms first, then buddies' status pipes, up to the bound. */
    public void updateSubscriptions() {
        Set<String> pipes = new LinkedHashSet<>(rooms.pipes());
        for (String pipe : roster.statusPipes()) {
            if (pipes.size() >= settings().maxSubscriptions()) {
                break;
            }
            pipes.add(pipe);
        }
        if (!pipes.equals(subscribed) && link != null) {
            subscribed = Set.copyOf(pipes);
            LOG.debug("user {} (comet {}): subscribing to {}", jid, userId, pipes);
            link.subscribe(pipes);
        }
    }

    /** True when {@code pipe} is in the subscription set (a buddy beyond the bound is polled instead). */
    public boolean isSubscribed(String pipe) {
        return subscribed.contains(pipe);
    }

    void start() {
        execute(() -> {
            LOG.info("user {} (comet {}): opening the comet socket", jid, userId);
            link = network().open(userId, key, new Events());
            loginTimer = services.timer().schedule(settings().loginTimeout(), () -> resume(this::loginTimedOut));
            link.opened().whenCompleteAsync((answer, error) -> {
                if (!ended) {
                    opened(answer, error);
                }
            }, executor.continuation());
        });
    }

    private void opened(LinkOpening answer, Throwable error) {
        if (state != State.CONNECTING) {
            return;
        }
        cancel(loginTimer);
        if (error != null) {
            fail(ConnectionError.NETWORK_ERROR, "comet at " + settings().websocket() + " is unreachable: "
                    + Failures.reason(error));
        } else if (answer == LinkOpening.REJECTED) {
            fail(ConnectionError.AUTHENTICATION_FAILED, "comet rejected the key of user " + userId
                    + " (register with the user's comet key as password)");
        } else {
            state = State.CONNECTED;
            LOG.info("user {} (comet {}): comet accepted the user, CONNECTED", jid, userId);
            main().connected(jid);
            updateSubscriptions();
            roster.refresh(true);
            rooms.offerPublicRooms();
            schedulePoll();
        }
    }

    private void loginTimedOut() {
        if (state == State.CONNECTING) {
            fail(ConnectionError.NETWORK_ERROR, "comet did not answer within "
                    + seconds(settings().loginTimeout()) + " (" + settings().websocket() + ")");
        }
    }

    private void schedulePoll() {
        Duration every = settings().presencePoll();
        if (!every.isZero()) {
            pollTimer = services.timer().schedule(every, () -> resume(() -> {
                if (state == State.CONNECTED) {
                    roster.refresh(false);
                }
                schedulePoll();
            }));
        }
    }

    private void linkLost(String reason) {
        if (state != State.CONNECTED) {
            return;
        }
        state = State.SUSPENDED;
        Duration grace = settings().gracePeriod();
        LOG.warn("user {} (comet {}): comet socket lost ({}), staying logged in for {}", jid, userId, reason,
                seconds(grace));
        graceTimer = services.timer().schedule(grace, () -> resume(() -> {
            if (state == State.SUSPENDED) {
                fail(ConnectionError.NETWORK_ERROR, "lost the connection to comet for longer than "
                        + seconds(grace) + ": " + reason);
            }
        }));
    }

    private void linkRestored(boolean authorized) {
        if (!authorized && isConnected()) {
            fail(ConnectionError.AUTHENTICATION_FAILED, "comet no longer accepts the key of user " + userId);
            return;
        }
        if (state != State.SUSPENDED) {
            return;
        }
        cancel(graceTimer);
        state = State.CONNECTED;
        LOG.info("user {} (comet {}): comet socket restored, replaying missed room messages", jid, userId);
        rooms.replay();
        roster.refresh(true);
    }

    /** Ends the session with DISCONNECTED (the main decides by {@code error} whether to log in again). */
    public void fail(ConnectionError error, String message) {
        if (ended) {
            return;
        }
        LOG.warn("user {} (comet {}): DISCONNECTED {}: {}", jid, userId, error, message);
        main.endWith(error, message);
        close();
    }

    /** LOGOUT, or a new LOGIN for the same JID: close without telling the main anything. */
    void end() {
        main.end();
        ended = true;
        executor.continuation().execute(this::close);
    }

    private void close() {
        main.end();
        ended = true;
        state = State.CLOSED;
        cancel(loginTimer);
        cancel(graceTimer);
        cancel(pollTimer);
        if (link != null) {
            link.close();
        }
        LOG.info("user {} (comet {}): session closed", jid, userId);
        onEnd.accept(this);
    }

    private static void cancel(SessionTimer.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Socket events, handed to the serial executor at once. */
    private final class Events implements CometLinkListener {
        @Override
        public void privateMessage(CometMessage message) {
            execute(() -> chat.inbound(message));
        }

        @Override
        public void pipeMessage(CometMessage message) {
            execute(() -> {
                if (rooms.hasPipe(message.pipe())) {
                    rooms.inbound(message);
                } else if (roster.isStatusPipe(message.pipe())) {
                    roster.statusEvent(message);
                } else {
                    LOG.debug("user {} (comet {}): message on pipe {} nobody asked for", jid, userId, message.pipe());
                }
            });
        }

        @Override
        public void tracked(String pipe, long trackedUser, String connection, boolean joined) {
            execute(() -> rooms.tracked(pipe, trackedUser, connection, joined));
        }

        @Override
        public void linkLost(String reason) {
            resume(() -> UserSession.this.linkLost(reason));
        }

        @Override
        public void linkRestored(boolean authorized) {
            resume(() -> UserSession.this.linkRestored(authorized));
        }
    }
}
