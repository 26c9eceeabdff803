package org.spectrumcomet.backend.handler;

/**
 * RAW_XML stanzas (spec §5.12), only sent by the main after the backend advertised
 * {@code features.rawxml=1}. They name no user in the frame, so they run on one serial queue
 * shared by all such frames. Without a handler they are ignored with a debug log.
 */
public interface RawXmlHandler {

    /** One complete stanza; {@code from} is the user's full JID, {@code to} the legacy JID. */
    void rawXml(String stanza);
}
