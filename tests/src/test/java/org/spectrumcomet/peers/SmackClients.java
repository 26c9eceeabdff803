package org.spectrumcomet.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Smack clients for one main instance: plain TCP to 127.0.0.1 (this Spectrum 2 offers no TLS),
 * SASL PLAIN, XMPP domain {@link SpectrumServerFixture#DOMAIN}. Spectrum's login rule applies: any
 * {@code NODE@domain} may log in, and the backend decides about the password. Every connection made
 * here is disconnected by {@link #close()}.
 */
public final class SmackClients implements AutoCloseable {

    /** Bound for every synchronous Smack call (IQ replies, MUC join, login). */
    public static final long REPLY_TIMEOUT_MS = 10_000;

    private final String domain;
    private final int port;
    private final List<XMPPTCPConnection> open = new CopyOnWriteArrayList<>();

    SmackClients(String domain, int port) {
        this.domain = domain;
        this.port = port;
    }

    /** Connected and logged in (available presence sent, so the backend also gets STATUS_CHANGED). */
    public XMPPTCPConnection login(String user, String password)
            throws IOException, InterruptedException, SmackException, XMPPException {
        XMPPTCPConnection connection = connect(user, password);
        connection.login();
        return connection;
    }

    /** Connected (stream open) but not yet authenticated: call {@code login()} on it. */
    public XMPPTCPConnection connect(String user, String password)
            throws IOException, InterruptedException, SmackException, XMPPException {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(port)
                .setSecurityMode(SecurityMode.disabled)
                .addEnabledSaslMechanism("PLAIN")
                .setUsernameAndPassword(user, password)
                .setResource("smack")
                .setConnectTimeout((int) REPLY_TIMEOUT_MS)
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setReplyTimeout(REPLY_TIMEOUT_MS);
        open.add(connection);
        DomainDiscoInfoShortcut.register(connection);
        connection.connect();
        return connection;
    }

    /** {@code name@domain}: a contact (or room) of the legacy network as Spectrum names it. */
    public EntityBareJid jid(String name) {
        return JidCreate.entityBareFromOrThrowUnchecked(name + "@" + domain);
    }

    @Override
    public void close() {
        for (XMPPTCPConnection connection : open) {
            connection.disconnect();
            DomainDiscoInfoShortcut.unregister(connection);
        }
        open.clear();
    }
}
