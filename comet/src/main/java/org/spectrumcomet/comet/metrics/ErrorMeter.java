package org.spectrumcomet.comet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code comet_errors_total{protocol,code}}: MySQL ERR codes sent on CometQL, WebSocket close
 * codes sent on the CppComet and JSON-API WebSockets (1000, a normal close, is not an error and is
 * not counted), HTTP statuses of 400 and above answered by the JSON API. The codes are the fixed
 * set this server sends, so the label stays bounded; counters are created on first use (errors
 * are off the hot path).
 */
public final class ErrorMeter {

    private final MeterRegistry registry;
    private final Map<Protocol, ProtocolErrors> byProtocol = new EnumMap<>(Protocol.class);

    ErrorMeter(MeterRegistry registry) {
        this.registry = registry;
        for (Protocol protocol : Protocol.values()) {
            byProtocol.put(protocol, new ProtocolErrors(protocol));
        }
    }

    public ProtocolErrors of(Protocol protocol) {
        return byProtocol.get(protocol);
    }

    /** The error counters of one protocol. */
    public final class ProtocolErrors {
        private final Protocol protocol;
        private final Map<Integer, Counter> byCode = new ConcurrentHashMap<>();

        private ProtocolErrors(Protocol protocol) {
            this.protocol = protocol;
        }

        /** Counts one error answer or close frame with this code. */
        public void sent(int code) {
            if (protocol != Protocol.COMETQL && code == 1000) {
                return;
            }
            byCode.computeIfAbsent(code, c -> Counter.builder("comet.errors")
                    .description("Errors sent to clients: MySQL ERR codes (cometql), WebSocket close codes and"
                            + " HTTP statuses >= 400 (websocket, json_api)")
                    .tag("protocol", protocol.label()).tag("code", Integer.toString(c))
                    .register(registry)).increment();
        }
    }
}
