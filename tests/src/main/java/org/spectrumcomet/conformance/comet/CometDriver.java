package org.spectrumcomet.conformance.comet;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.driver.LoginFailure;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.conformance.main.Recording;
import org.spectrumcomet.conformance.main.TransportConfig;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Drives the comet bridge ({@code bin/spectrum-comet-backend}) with real comet clients: our comet
 * server as its own process (or a running one), CometQL over JDBC for keys and the site's
 * messages, JDK WebSockets as web users, and a {@link CometGate} in front of the backend's sockets
 * to make comet unreachable for one user. Accounts are numeric comet ids with a users_auth key.
 *
 * <p>The cast: web user {@value #BUDDY} (the chat buddy, subscribed to the room {@value #ROOM}),
 * web user {@value #CONTACT} (the contact whose presence the roster suite toggles), user
 * {@value #FULL_QUEUE} (offline with a full queue: comet refuses private messages to it), and the
 * failing accounts 601–603.
 *
 * <p>The driver reads the server's {@link CometFlavour} from the buddy's serverInfo frame. Against
 * CppComet, whose offline queue has no limit (spec §I.3.3 users_messages), it offers no
 * {@link #refusingBuddy} but a {@link #queueingBuddy}: the suites then check that a message to the
 * offline user is acknowledged instead of refused.
 */
public final class CometDriver implements LegacyDriver {

    private static final Logger LOG = LoggerFactory.getLogger(CometDriver.class);
    public static final long BUDDY = 501;
    public static final long CONTACT = 502;
    public static final long FULL_QUEUE = 503;
    public static final String ROOM = "web_conformance";
    static final long BAD_KEY = 601;
    static final long UNREACHABLE_ONCE = 602;
    static final long UNREACHABLE_ALWAYS = 603;
    private static final long FIRST_ACCOUNT = 1001;
    /** How many messages an own server queues per offline user (small, so {@value #FULL_QUEUE} fills fast). */
    private static final int OWN_QUEUE_BOUND = 3;

    /** The comet server the driver started (ours or CppComet), closed with it; null when attached. */
    private final AutoCloseable server;
    private final CometTarget target;
    private final CometGate gate;
    private final CometQl cometql;
    private final WebObserver observer;
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final WebUser buddy;
    private final CometFlavour flavour;
    private volatile WebUser contact;

    private CometDriver(AutoCloseable server, CometTarget target) throws Exception {
        this.server = server;
        this.target = target;
        this.gate = new CometGate(target.host(), target.wsPort());
        this.cometql = new CometQl(target);
        for (long id : new long[] {BUDDY, CONTACT, BAD_KEY, UNREACHABLE_ONCE, UNREACHABLE_ALWAYS}) {
            cometql.setKey(id, keyOf(id));
        }
        buddy = WebUser.connect(target, BUDDY, keyOf(BUDDY));
        require(buddy.authorized(), "comet did not accept web user " + BUDDY);
        this.flavour = CometFlavour.ofServerName(buddy.serverName());
        LOG.info("comet at {}:{} is {} ('{}')", target.host(), target.cometqlPort(), flavour, buddy.serverName());
        this.observer = new WebObserver(buddy);
        cometql.setHistory(ROOM, 20);
        buddy.subscribe(ROOM);
        contact = WebUser.connect(target, CONTACT, keyOf(CONTACT));
        if (flavour.boundsOfflineQueue()) {
            fillQueue(FULL_QUEUE);
        }
        // Room history exists before any scenario: someone greeted (through another connection,
        // since comet does not echo web_pipe2 to its sender).
        try (WebUser greeter = WebUser.connect(target, CONTACT, keyOf(CONTACT))) {
            greeter.publish(ROOM, "message", WebBodyJson.encode(WebBody.text(CONTACT, "welcome to " + ROOM, "greeting-" + salt)));
            awaitRoomFrame(b -> ("greeting-" + salt).equals(b.id()));
            // ...and set a subject (no nick: a nick would rename the sender for later joins).
            String topic = "Conformance room " + salt;
            greeter.publish(ROOM, "subject", WebBodyJson.encode(
                    new WebBody("subject", Long.toString(CONTACT), null, topic, null, System.currentTimeMillis())));
            awaitRoomFrame(b -> "subject".equals(b.kind()) && topic.equals(b.text()));
        }
    }

    /** Starts our comet server as a process (in memory) under {@code workDir} and drives it. */
    public static CometDriver startOwnServer(Path workDir) throws Exception {
        String key = "conf" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        CometServerProcess server = CometServerProcess.start(
                CometServerProcess.Settings.inMemory(workDir, key).withMaxQueuedPerUser(OWN_QUEUE_BOUND));
        try {
            return new CometDriver(server, server.target());
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** Starts the real CppComet from the peer folder {@code home} (see {@link CppCometProcess}) and drives it. */
    public static CometDriver startCppComet(Path home) throws Exception {
        CppCometProcess server = CppCometProcess.start(home);
        try {
            return new CometDriver(server, server.target());
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** Drives a comet server that is already running. */
    public static CometDriver attach(CometTarget target) throws Exception {
        return new CometDriver(null, target);
    }

    public CometTarget target() {
        return target;
    }

    /** Frames the buddy received cut short by comet (a CppComet bug, {@link WebFrame#truncated()}). */
    public long truncatedFrames() {
        return buddy.truncatedFrames();
    }

    /** Which server this is: decides the refusing or queueing buddy. */
    public CometFlavour flavour() {
        return flavour;
    }

    public CometGate gate() {
        return gate;
    }

    public CometQl cometql() {
        return cometql;
    }

    /** The users_auth key the driver registered for {@code id}. */
    public String keyOf(long id) {
        return "k" + id + "x" + salt;
    }

    @Override
    public String name() {
        return "comet";
    }

    @Override
    public String extraConfig() {
        return CometConfig.section(target, gate.port());
    }

    @Override
    public LegacyAccount account(String tag) {
        long id = ids.computeIfAbsent(tag, t -> {
            long next = FIRST_ACCOUNT + ids.size();
            try {
                cometql.setKey(next, keyOf(next));
            } catch (SQLException e) {
                throw new IllegalStateException("could not register comet user " + next + ": " + e.getMessage(), e);
            }
            return next;
        });
        return new LegacyAccount(tag + "@" + TransportConfig.JID, Long.toString(id), keyOf(id));
    }

    @Override
    public Optional<LegacyAccount> failingAccount(LoginFailure failure) {
        return Optional.of(switch (failure) {
            case AUTHENTICATION_FAILED -> new LegacyAccount("badkey@localhost", Long.toString(BAD_KEY), "wrong" + salt);
            case INVALID_USERNAME -> new LegacyAccount("nonumber@localhost", "alice", keyOf(BUDDY));
            case NETWORK_ERROR_ONCE -> {
                gate.refuse(UNREACHABLE_ONCE, 1);
                yield new LegacyAccount("unreachable@localhost", Long.toString(UNREACHABLE_ONCE), keyOf(UNREACHABLE_ONCE));
            }
            case NETWORK_ERROR_ALWAYS -> {
                gate.refuseAlways(UNREACHABLE_ALWAYS);
                yield new LegacyAccount("unreachable-always@localhost", Long.toString(UNREACHABLE_ALWAYS),
                        keyOf(UNREACHABLE_ALWAYS));
            }
        });
    }

    @Override
    public String buddy(LegacyAccount account) {
        return Long.toString(BUDDY);
    }

    /** The bridge announces no contacts by itself: the roster comes from the main (see {@link #contactToAdd}). */
    @Override
    public Set<String> roster(LegacyAccount account) {
        return Set.of();
    }

    @Override
    public boolean confirmsBuddyAdd() {
        return true;
    }

    @Override
    public String contactToAdd(LegacyAccount account) {
        return Long.toString(CONTACT);
    }

    @Override
    public boolean togglesPresence() {
        return true;
    }

    @Override
    public synchronized void setContactOnline(String name, boolean online) throws Exception {
        if (online && contact.isClosed()) {
            contact = WebUser.connect(target, CONTACT, keyOf(CONTACT));
        } else if (!online) {
            contact.close();
        }
    }

    /** Our server: user {@value #FULL_QUEUE}, whose offline queue is full. */
    @Override
    public Optional<String> refusingBuddy(LegacyAccount account) {
        return flavour.boundsOfflineQueue() ? Optional.of(Long.toString(FULL_QUEUE)) : Optional.empty();
    }

    /** CppComet: user {@value #FULL_QUEUE}, offline, whose queue never fills (spec §I.3.3 users_messages). */
    @Override
    public Optional<String> queueingBuddy(LegacyAccount account) {
        return flavour.boundsOfflineQueue() ? Optional.empty() : Optional.of(Long.toString(FULL_QUEUE));
    }

    @Override
    public String room() {
        return ROOM;
    }

    /** The buddy's socket is subscribed to the room; it never sent a nick, so it shows as its id. */
    @Override
    public Set<String> roomOccupants(LegacyAccount account) {
        return Set.of(Long.toString(BUDDY));
    }

    @Override
    public boolean roomHasHistory() {
        return true;
    }

    @Override
    public boolean roomHasSubject() {
        return true;
    }

    @Override
    public boolean exactText() {
        return true;
    }

    @Override
    public void buddySends(MainUser user, String buddyName, String text) {
        site(() -> cometql.sendPrivate(userId(user), "message", WebBody.text(BUDDY, text, "web-" + System.nanoTime())));
    }

    @Override
    public void buddyTyping(MainUser user, String buddyName, Type typingType) {
        site(() -> cometql.sendPrivate(userId(user), "typing", WebBody.notice(ChatStates.kindOf(typingType), BUDDY)));
    }

    @Override
    public void buddyAttention(MainUser user, String buddyName, String text) {
        site(() -> cometql.sendPrivate(userId(user), "attention",
                new WebBody("attention", Long.toString(BUDDY), null, text, null, System.currentTimeMillis())));
    }

    /** The buddy says it in the room from its own browser socket ({@code web_pipe2}). */
    @Override
    public void occupantSays(MainUser user, String room, String text) {
        buddy.publish(room, "message", WebBodyJson.encode(WebBody.text(BUDDY, text, "web-" + System.nanoTime())));
    }

    /** The buddy sets it from its browser socket (event and body kind {@code subject}, no nick: shown as its id). */
    @Override
    public void occupantSetsSubject(MainUser user, String room, String subject) {
        buddy.publish(room, "subject", WebBodyJson.encode(
                new WebBody("subject", Long.toString(BUDDY), null, subject, null, System.currentTimeMillis())));
    }

    @Override
    public String awaitDelivered(Recording recording, long fromSeq, MainUser user, String buddyName, String text,
                                 Duration timeout) {
        long from = userId(user);
        return observer.awaitPrivate(b -> b.isText() && text.equals(b.text()) && Long.toString(from).equals(b.from()),
                timeout, "web user " + buddyName + " did not receive '" + text + "' from " + from);
    }

    @Override
    public String awaitTypingSeen(Recording recording, long fromSeq, MainUser user, String buddyName, Type typingType,
                                  Duration timeout) {
        String kind = ChatStates.kindOf(typingType);
        long from = userId(user);
        return observer.awaitPrivate(b -> kind.equals(b.kind()) && Long.toString(from).equals(b.from()), timeout,
                "web user " + buddyName + " did not see '" + kind + "' from " + from);
    }

    @Override
    public String awaitAttentionSeen(Recording recording, long fromSeq, MainUser user, String buddyName, Duration timeout) {
        long from = userId(user);
        return observer.awaitPrivate(b -> "attention".equals(b.kind()) && Long.toString(from).equals(b.from()), timeout,
                "web user " + buddyName + " did not get an attention request from " + from);
    }

    @Override
    public String awaitRoomDelivered(Recording recording, long fromSeq, MainUser user, String room, String nick,
                                     String text, Duration timeout) {
        long from = userId(user);
        return observer.awaitOnPipe(room, b -> b.isText() && text.equals(b.text()) && Long.toString(from).equals(b.from())
                        && nick.equals(b.nick()), timeout,
                "web user " + BUDDY + " in " + room + " did not receive '" + text + "' from " + from + " as " + nick);
    }

    @Override
    public String awaitSubjectSeen(Recording recording, long fromSeq, MainUser user, String room, String nick,
                                   String subject, Duration timeout) {
        long from = userId(user);
        return observer.awaitEventOnPipe(room, "subject", b -> "subject".equals(b.kind()) && subject.equals(b.text())
                        && Long.toString(from).equals(b.from()) && nick.equals(b.nick()), timeout,
                "web user " + BUDDY + " in " + room + " did not see subject '" + subject + "' from " + from + " as " + nick);
    }

    private long userId(MainUser user) {
        String tag = user.jid().substring(0, user.jid().indexOf('@'));
        Long id = ids.get(tag);
        if (id == null) {
            throw new IllegalArgumentException(user.jid() + " is not one of the driver's accounts");
        }
        return id;
    }

    /** Fills {@code id}'s offline queue until comet refuses (an own server allows {@value #OWN_QUEUE_BOUND}). */
    private void fillQueue(long id) throws SQLException {
        for (int i = 0; i < 1100; i++) {
            try {
                cometql.sendPrivate(id, "message", WebBody.text(BUDDY, "filler " + i, "fill-" + i));
            } catch (SQLException e) {
                LOG.info("comet user {}: offline queue full after {} messages ({})", id, i, e.getMessage());
                return;
            }
        }
        throw new IllegalStateException("comet kept queueing messages for offline user " + id);
    }

    private void awaitRoomFrame(Predicate<WebBody> match) throws InterruptedException {
        require(buddy.await(0, f -> f.pipe().equals(ROOM) && match.test(f.body()), Duration.ofSeconds(5)).isPresent(),
                "web user " + BUDDY + " did not receive the greeting in " + ROOM);
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new IllegalStateException(reason);
        }
    }

    private interface SiteAction {
        void run() throws SQLException;
    }

    private static void site(SiteAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException("CometQL refused: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        buddy.close();
        contact.close();
        gate.close();
        cometql.close();
        if (server != null) {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("comet server did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
