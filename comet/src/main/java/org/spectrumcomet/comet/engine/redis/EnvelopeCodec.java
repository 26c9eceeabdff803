package org.spectrumcomet.comet.engine.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * JSON text of an {@link Envelope}. A frame's data keeps its shape: a published text stays the
 * exact string, a structure (track_ membership) stays a map. A pipe message's sequence ({@code "s"})
 * is written by the publishing script, never here: only Redis knows the next number.
 */
final class EnvelopeCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvelopeCodec() {
    }

    static String encode(Envelope envelope) {
        ObjectNode root = JSON.createObjectNode();
        root.put("k", envelope.kind());
        root.put("n", envelope.node());
        root.put("x", envelope.exceptSession());
        CometEvent f = envelope.frame();
        if (f != null) {
            root.put("p", f.pipe());
            root.put("e", f.event());
            root.set("d", JSON.valueToTree(f.data()));
            root.put("t", f.sendTime());
            root.put("u", f.userId());
            root.put("q", f.fromQueue());
        }
        return root.toString();
    }

    /**
     * Decodes an envelope, with the recipients a sending script put after a newline (JSON text
     * never holds a raw newline, so the first one ends the envelope).
     *
     * @throws IllegalArgumentException for text that is not an envelope (another writer on our channel)
     */
    static Envelope decode(String message) {
        int newline = message.indexOf('\n');
        String text = newline < 0 ? message : message.substring(0, newline);
        Set<String> recipients = newline < 0 ? null
                : Set.of(message.substring(newline + 1).split(",", -1));
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("k").isTextual() || !root.path("n").isTextual()) {
            throw new IllegalArgumentException("not an envelope");
        }
        CometEvent frame = null;
        if (root.has("p")) {
            JsonNode d = root.path("d");
            Object data = d.isTextual() ? d.asText() : JSON.convertValue(d, Object.class);
            frame = new CometEvent(root.path("p").asText(), root.path("e").asText(), data, root.path("t").asLong(-1),
                    root.path("u").asLong(-1), root.path("q").asBoolean());
        }
        return new Envelope(root.path("k").asText(), root.path("n").asText(), root.path("x").asLong(-1), frame,
                recipients, root.path("s").asLong(-1));
    }
}
