package org.spectrumcomet.peers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.IQTypeFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.disco.DiscoInfoLookupShortcutMechanism;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.Jid;

/**
 * Looks up the server's own disco#info (XEP-0030) accepting a reply without {@code from}.
 * Spectrum 2 in server mode answers an IQ to its domain without a {@code from} attribute, which
 * Smack's reply filter rejects (it expects {@code from='localhost'}), so every Smack call that first
 * asks the server about a feature would time out; {@code MultiUserChat.join} is one. The reply is
 * matched by stanza id only.
 */
final class DomainDiscoInfoShortcut extends DiscoInfoLookupShortcutMechanism {

    private static final DomainDiscoInfoShortcut INSTANCE = new DomainDiscoInfoShortcut();

    static {
        ServiceDiscoveryManager.addDiscoInfoLookupShortcutMechanism(INSTANCE);
    }

    private final Map<ServiceDiscoveryManager, XMPPConnection> connections = new ConcurrentHashMap<>();

    private DomainDiscoInfoShortcut() {
        super("spectrum2 domain disco#info without from", 100);
    }

    static void register(XMPPConnection connection) {
        INSTANCE.connections.put(ServiceDiscoveryManager.getInstanceFor(connection), connection);
    }

    static void unregister(XMPPConnection connection) {
        INSTANCE.connections.remove(ServiceDiscoveryManager.getInstanceFor(connection));
    }

    /** The domain's disco#info, or null (Smack then asks the normal way) for any other JID. */
    @Override
    public DiscoverInfo getDiscoverInfoByUser(ServiceDiscoveryManager manager, Jid entity) {
        XMPPConnection connection = connections.get(manager);
        if (connection == null || !entity.equals(connection.getXMPPServiceDomain())) {
            return null;
        }
        DiscoverInfo request = DiscoverInfo.builder(connection).to(entity).ofType(IQ.Type.get).build();
        try (StanzaCollector reply = connection.createStanzaCollectorAndSend(new AndFilter(
                new StanzaIdFilter(request.getStanzaId()), new OrFilter(IQTypeFilter.RESULT, IQTypeFilter.ERROR)), request)) {
            return reply.nextResultOrThrow();
        } catch (SmackException | XMPPException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
