package org.spectrumcomet.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.Jid;

/**
 * The message stanzas one contact sends a user, collected from the moment this is opened (open it
 * before sending, so a fast echo is not missed). Waits are bounded by
 * {@link SmackClients#REPLY_TIMEOUT_MS}.
 */
public final class ContactInbox implements AutoCloseable {

    private final StanzaCollector collector;
    private final Jid contact;

    /** Messages from {@code contact} (a bare JID: any resource, e.g. Spectrum's {@code /bot}). */
    public ContactInbox(XMPPConnection connection, Jid contact) {
        this.contact = contact;
        this.collector = connection.createStanzaCollector(
                new AndFilter(StanzaTypeFilter.MESSAGE, FromMatchesFilter.createBare(contact)));
    }

    /** The next message matching {@code wanted}, skipping others; fails with what did arrive. */
    public Message next(String what, Predicate<Message> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SmackClients.REPLY_TIMEOUT_MS;
        List<String> skipped = new ArrayList<>();
        for (long left = SmackClients.REPLY_TIMEOUT_MS; left > 0; left = deadline - System.currentTimeMillis()) {
            Message message = collector.nextResult(left);
            if (message == null) {
                break;
            }
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(message.toXML().toString());
        }
        throw new AssertionError("no " + what + " from " + contact + " within " + SmackClients.REPLY_TIMEOUT_MS
                + " ms; other messages from it: " + skipped);
    }

    /** The next message with a body. */
    public Message nextWithBody() throws InterruptedException {
        return next("message with a body", m -> m.getBody() != null);
    }

    @Override
    public void close() {
        collector.cancel();
    }
}
