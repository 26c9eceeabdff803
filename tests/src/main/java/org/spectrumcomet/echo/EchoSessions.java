package org.spectrumcomet.echo;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.handler.BuddyHandler;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.outbound.BuddyState;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.PresenceStatus;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Logins by {@link EchoRules}: the failing credentials fail with their error, everyone else gets
 * the fixed roster and CONNECTED. Contacts the user adds are confirmed as online at once.
 */
final class EchoSessions implements SessionHandler, BuddyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EchoSessions.class);

    private final MainInstance main;
    private final EchoRooms rooms;
    /** JIDs whose one-time network error already happened (bounded by the users Spectrum sends). */
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    EchoSessions(MainInstance main, EchoRooms rooms) {
        this.main = main;
        this.rooms = rooms;
    }

    @Override
    public void login(Protocol.Login login) {
        String user = login.getUser();
        String name = login.getLegacyName();
        LOG.info("LOGIN {} as '{}'", user, name);
        if (EchoRules.BAD_PASSWORD.equals(login.getPassword())) {
            main.disconnected(user, ConnectionError.AUTHENTICATION_FAILED, "wrong password for " + name);
        } else if (EchoRules.INVALID_NAME.equals(name)) {
            main.disconnected(user, ConnectionError.INVALID_USERNAME, "'" + name + "' is not a valid echo account");
        } else if (EchoRules.NETWORK_ERROR_ALWAYS.equals(name)
                || (EchoRules.NETWORK_ERROR_ONCE.equals(name) && failedOnce.add(user))) {
            main.disconnected(user, ConnectionError.NETWORK_ERROR, "the echo network is unreachable (simulated)");
        } else {
            for (EchoRules.Contact contact : EchoRules.ROSTER) {
                main.buddyChanged(user, BuddyState.builder(contact.name()).alias(contact.alias())
                        .groups(List.of(contact.group())).status(PresenceStatus.values()[contact.status()])
                        .statusMessage(contact.statusMessage()).build());
            }
            main.connected(user);
        }
    }

    @Override
    public void logout(Protocol.Logout logout) {
        LOG.info("LOGOUT {}", logout.getUser());
        rooms.forget(logout.getUser());
    }

    @Override
    public void buddyChanged(Protocol.Buddy buddy) {
        main.buddyChanged(buddy.getUserName(), BuddyState.builder(buddy.getBuddyName()).alias(buddy.getAlias())
                .groups(buddy.getGroupList()).status(PresenceStatus.ONLINE).statusMessage("echoing").build());
    }
}
