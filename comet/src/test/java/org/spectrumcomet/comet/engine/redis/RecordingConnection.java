package org.spectrumcomet.comet.engine.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEvent;

/** A client connection that records what a node's engine hands it. */
final class RecordingConnection implements ClientConnection {

    final List<CometEvent> events = new CopyOnWriteArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();
    private final String uuid;
    /** Set by the test once attached. */
    volatile org.spectrumcomet.comet.engine.Session session;

    RecordingConnection(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public boolean deliver(CometEvent event) {
        if (closed.get()) {
            return false;
        }
        events.add(event);
        return true;
    }

    @Override
    public void close(String reason) {
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

    List<Object> dataOn(String pipe) {
        return events.stream().filter(e -> e.pipe().equals(pipe)).map(CometEvent::data).toList();
    }
}
