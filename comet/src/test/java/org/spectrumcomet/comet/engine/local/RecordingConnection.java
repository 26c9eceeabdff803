package org.spectrumcomet.comet.engine.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEvent;

/** A client connection that records what the engine hands it; can be told to refuse. */
final class RecordingConnection implements ClientConnection {

    final List<CometEvent> events = new CopyOnWriteArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();
    volatile String closeReason;
    /** How many more events to accept; negative = unlimited. */
    final AtomicInteger accept = new AtomicInteger(-1);
    private final String uuid;

    RecordingConnection(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public boolean deliver(CometEvent event) {
        if (closed.get() || accept.get() == 0) {
            return false;
        }
        accept.getAndUpdate(n -> n > 0 ? n - 1 : n);
        events.add(event);
        return true;
    }

    @Override
    public void close(String reason) {
        closeReason = reason;
        closed.set(true);
    }

    @Override
    public String uuid() {
        return uuid;
    }

    @Override
    public ClientInfo info() {
        return ClientInfo.UNKNOWN;
    }

    List<CometEvent> on(String pipe) {
        return events.stream().filter(e -> e.pipe().equals(pipe)).toList();
    }

    List<Object> dataOn(String pipe) {
        return on(pipe).stream().map(CometEvent::data).toList();
    }
}
