package org.spectrumcomet.bridge.session;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.bridge.comet.CometNameException;
import org.spectrumcomet.bridge.comet.CometNames;
import org.spectrumcomet.bridge.presence.StatusPublisher;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The sessions of this backend process by JID, and LOGIN / LOGOUT / STATUS_CHANGED.
 *
 * <p>LOGIN: {@code legacyName} is the comet user id (1–9 digits, not 0), {@code password} that
 * user's comet key (users_auth hash, HMAC key or JWT). A bad id is answered
 * DISCONNECTED(INVALID_USERNAME), a missing or malformed key DISCONNECTED(AUTHENTICATION_FAILED),
 * both final; everything else is decided by comet (see {@link UserSession}). A LOGIN for a JID that
 * already has a session replaces it silently (a reconnect, spec §5.3). LOGINs beyond
 * {@code login_rate} are refused with DISCONNECTED(NETWORK_ERROR) before anything else
 * ({@link LoginRate}).
 */
public final class Sessions implements SessionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final SessionServices services;
    private final ConcurrentMap<String, UserSession> byJid = new ConcurrentHashMap<>();
    private final LoginRate loginRate;

    public Sessions(SessionServices services) {
        this.services = services;
        this.loginRate = new LoginRate(services.settings().loginRate(), services.clock());
    }

    @Override
    public void login(Protocol.Login login) {
        String jid = login.getUser();
        if (!loginRate.tryAcquire()) {
            String message = "too many logins: this backend starts at most " + loginRate.perSecond()
                    + " per second (login_rate); try again shortly";
            LOG.warn("user {}: refusing LOGIN: {}", jid, message);
            services.main().disconnected(jid, ConnectionError.NETWORK_ERROR, message);
            return;
        }
        UserSession previous = byJid.remove(jid);
        if (previous != null) {
            LOG.info("user {}: LOGIN while a session for comet {} exists, replacing it", jid, previous.userId());
            previous.end();
        }
        long userId;
        try {
            userId = LegacyName.userId(login.getLegacyName());
        } catch (IllegalArgumentException e) {
            LOG.warn("user {}: refusing LOGIN: {}", jid, e.getMessage());
            services.main().disconnected(jid, ConnectionError.INVALID_USERNAME, e.getMessage());
            return;
        }
        String key = login.getPassword();
        if (key.isEmpty()) {
            refuseKey(jid, userId, "no comet key given for user " + userId
                    + ": register with the user's comet key (users_auth hash or JWT) as password");
            return;
        }
        try {
            CometNames.requireSessionKey(key);
        } catch (CometNameException e) {
            refuseKey(jid, userId, "the comet key of user " + userId
                    + " is malformed: it may contain only A-Za-z0-9_.=+/- (at most 4096 characters)");
            return;
        }
        UserSession session = new UserSession(jid, userId, key, services, ended -> byJid.remove(jid, ended));
        byJid.put(jid, session);
        session.start();
    }

    private void refuseKey(String jid, long userId, String message) {
        LOG.warn("user {} (comet {}): refusing LOGIN: {}", jid, userId, message);
        services.main().disconnected(jid, ConnectionError.AUTHENTICATION_FAILED, message);
    }

    @Override
    public void logout(Protocol.Logout logout) {
        UserSession session = byJid.remove(logout.getUser());
        if (session == null) {
            LOG.debug("user {}: LOGOUT without a session, ignored", logout.getUser());
            return;
        }
        LOG.info("user {} (comet {}): LOGOUT", session.jid(), session.userId());
        session.end();
    }

    @Override
    public void statusChanged(Protocol.Status status) {
        find(status.getUserName()).ifPresent(s -> s.execute(() ->
                StatusPublisher.publish(s, status.getStatus().getNumber(), status.getStatusMessage())));
    }

    /** The live session of {@code jid}, if any. */
    public Optional<UserSession> find(String jid) {
        return Optional.ofNullable(byJid.get(jid));
    }

    /** The live sessions now (a view; for metrics, which only read). */
    public Collection<UserSession> all() {
        return Collections.unmodifiableCollection(byJid.values());
    }

    /** Number of live sessions. */
    public int size() {
        return byJid.size();
    }

    /** Closes every session without telling the main (the process is exiting). */
    public void closeAll() {
        for (String jid : byJid.keySet()) {
            UserSession s = byJid.remove(jid);
            if (s != null) {
                s.end();
            }
        }
    }
}
