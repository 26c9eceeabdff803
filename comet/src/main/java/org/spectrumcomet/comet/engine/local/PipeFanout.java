package org.spectrumcomet.comet.engine.local;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.store.CometStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing to a pipe: the message is first made durable in the pipe's history (when the pipe
 * keeps one), then handed to every subscriber. A store failure therefore means nobody got it and
 * the publisher gets an error, never "delivered but lost from history".
 */
final class PipeFanout {

    private static final Logger log = LoggerFactory.getLogger(PipeFanout.class);
    /** Pipes whose every message is kept, even without a pipes_settings row (CppComet §I.4.6). */
    static final String TRUST_PREFIX = "trust_";
    private static final String WEB_PREFIX = "web";
    /** Fan-outs up to this size may run on the caller's event loop (bench comet: K = 100 vs 10,000). */
    static final int MAX_SUBSCRIBERS_WITHOUT_HOP = 256;

    private final CometStore store;
    private final HistoryLengths lengths;
    private final LongSupplier now;

    PipeFanout(CometStore store, HistoryLengths lengths, LongSupplier now) {
        this.store = store;
        this.lengths = lengths;
        this.now = now;
    }

    /**
     * A publish to a pipe known to keep no history and with at most {@link #MAX_SUBSCRIBERS_WITHOUT_HOP}
     * subscribers: memory only, never blocks; else empty. Larger fan-outs go to a blocking thread so
     * the calling event loop keeps serving its own connections meanwhile.
     */
    Optional<PublishReceipt> publishWithoutStore(TenantState tenant, String pipe, String event, String text,
                                                 long senderUserId, Session exceptSession) {
        OptionalInt keep = lengths.cachedKeep(tenant.tenant, pipe);
        if (keep.isEmpty() || keep.getAsInt() > 0
                || tenant.subscriptions.subscribers(pipe).size() > MAX_SUBSCRIBERS_WITHOUT_HOP) {
            return Optional.empty();
        }
        return Optional.of(publish(tenant, pipe, event, text, senderUserId, exceptSession, 0));
    }

    PublishReceipt publish(TenantState tenant, String pipe, String event, String text, long senderUserId,
                           Session exceptSession) {
        return publish(tenant, pipe, event, text, senderUserId, exceptSession, lengths.keep(tenant.tenant, pipe));
    }

    private PublishReceipt publish(TenantState tenant, String pipe, String event, String text, long senderUserId,
                                   Session exceptSession, int keep) {
        long accepted = System.nanoTime();
        long time = now.getAsLong();
        String messageId = "";
        if (keep > 0) {
            messageId = UUID.randomUUID().toString();
            store.appendHistory(tenant.tenant, new PipeMessage(messageId, time, pipe, event, text, senderUserId), keep);
        }
        // CometQL publishes carry no user_id on the wire; browser (web_) publishes always do.
        long frameUser = senderUserId > 0 || pipe.startsWith(WEB_PREFIX) ? senderUserId : -1;
        int delivered = deliver(tenant, pipe, new CometEvent(pipe, event, text, time, frameUser, false), exceptSession,
                accepted);
        log.debug("tenant {} pipe {} event {}: delivered to {}, kept {}", tenant.tenant, pipe, event, delivered,
                keep > 0);
        return new PublishReceipt(messageId, delivered);
    }

    /** Hands a frame to the pipe's subscribers; returns how many accepted it. Never blocks. */
    int deliver(TenantState tenant, String pipe, CometEvent frame, Session exceptSession) {
        return deliver(tenant, pipe, frame, exceptSession, System.nanoTime());
    }

    /** @param accepted {@link System#nanoTime()} when the publish was accepted */
    private int deliver(TenantState tenant, String pipe, CometEvent frame, Session exceptSession, long accepted) {
        int delivered = 0;
        for (Session subscriber : tenant.subscriptions.subscribers(pipe)) {
            if (!subscriber.equals(exceptSession) && subscriber.connection().deliver(frame, accepted)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** How many messages a pipe keeps: its setting, or 99 for an unset/zero {@code trust_} pipe. */
    static int keepFor(String pipe, int length) {
        if (length > 0) {
            return Math.min(length, Names.MAX_HISTORY_LENGTH);
        }
        return pipe.startsWith(TRUST_PREFIX) ? Names.MAX_HISTORY_LENGTH : 0;
    }
}
