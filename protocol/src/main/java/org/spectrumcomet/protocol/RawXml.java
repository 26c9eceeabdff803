package org.spectrumcomet.protocol;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * The payload of RAW_XML (34): one complete XMPP stanza as UTF-8 text, not a protobuf message.
 * Only used when the backend advertised {@code features.rawxml=1}.
 */
public record RawXml(String xml) {

    public RawXml {
        Objects.requireNonNull(xml, "xml");
    }

    static RawXml of(ByteString bytes) {
        return new RawXml(bytes.toStringUtf8());
    }

    ByteString toByteString() {
        return ByteString.copyFromUtf8(xml);
    }
}
