package org.spectrumcomet.backend;

import java.util.Optional;
import org.spectrumcomet.backend.handler.BuddyHandler;
import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.backend.handler.QueryHandler;
import org.spectrumcomet.backend.handler.RawXmlHandler;
import org.spectrumcomet.backend.handler.RoomHandler;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.handler.VCardHandler;

/**
 * The handlers a backend provides, one per concern; any may be left out (see each interface for
 * what the library then does). {@code onExit} runs once when the link ends, before the process
 * returns its exit code.
 */
public final class Handlers {

    private final SessionHandler session;
    private final MessageHandler messages;
    private final RoomHandler rooms;
    private final BuddyHandler buddies;
    private final VCardHandler vcards;
    private final RawXmlHandler rawXml;
    private final QueryHandler queries;
    private final Runnable onExit;

    private Handlers(Builder b) {
        this.session = b.session;
        this.messages = b.messages;
        this.rooms = b.rooms;
        this.buddies = b.buddies;
        this.vcards = b.vcards;
        this.rawXml = b.rawXml;
        this.queries = b.queries;
        this.onExit = b.onExit;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<SessionHandler> session() {
        return Optional.ofNullable(session);
    }

    public Optional<MessageHandler> messages() {
        return Optional.ofNullable(messages);
    }

    public Optional<RoomHandler> rooms() {
        return Optional.ofNullable(rooms);
    }

    public Optional<BuddyHandler> buddies() {
        return Optional.ofNullable(buddies);
    }

    public Optional<VCardHandler> vcards() {
        return Optional.ofNullable(vcards);
    }

    public Optional<RawXmlHandler> rawXml() {
        return Optional.ofNullable(rawXml);
    }

    public Optional<QueryHandler> queries() {
        return Optional.ofNullable(queries);
    }

    public Runnable onExit() {
        return onExit;
    }

    /** Collects handlers; every one is optional. */
    public static final class Builder {
        private SessionHandler session;
        private MessageHandler messages;
        private RoomHandler rooms;
        private BuddyHandler buddies;
        private VCardHandler vcards;
        private RawXmlHandler rawXml;
        private QueryHandler queries;
        private Runnable onExit = () -> { };

        private Builder() {
        }

        public Builder session(SessionHandler handler) {
            this.session = handler;
            return this;
        }

        public Builder messages(MessageHandler handler) {
            this.messages = handler;
            return this;
        }

        public Builder rooms(RoomHandler handler) {
            this.rooms = handler;
            return this;
        }

        public Builder buddies(BuddyHandler handler) {
            this.buddies = handler;
            return this;
        }

        public Builder vcards(VCardHandler handler) {
            this.vcards = handler;
            return this;
        }

        public Builder rawXml(RawXmlHandler handler) {
            this.rawXml = handler;
            return this;
        }

        public Builder queries(QueryHandler handler) {
            this.queries = handler;
            return this;
        }

        public Builder onExit(Runnable onExit) {
            this.onExit = onExit == null ? () -> { } : onExit;
            return this;
        }

        public Handlers build() {
            return new Handlers(this);
        }
    }
}
