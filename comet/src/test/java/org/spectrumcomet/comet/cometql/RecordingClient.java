package org.spectrumcomet.comet.cometql;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEvent;

/** A websocket-like client attached to the engine that records what it is sent. */
final class RecordingClient implements ClientConnection {
    final List<CometEvent> events = new CopyOnWriteArrayList<>();
    volatile String closedWith;

    @Override
    public boolean deliver(CometEvent event) {
        events.add(event);
        return closedWith == null;
    }

    @Override
    public void close(String reason) {
        closedWith = reason;
    }

    @Override
    public String uuid() {
        return "uuid-1";
    }

    @Override
    public ClientInfo info() {
        return new ClientInfo("test-agent", "127.0.0.9", "http://origin.test", "en");
    }

    List<Object> dataOn(String pipe) {
        return events.stream().filter(e -> e.pipe().equals(pipe)).map(CometEvent::data).toList();
    }
}
