package org.spectrumcomet.backend.handler;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * vCards (spec §7.4). The library tells a request from an own-vCard update by the presence of
 * {@code photo}, as Spectrum's own backend libraries do (the id is 0 in both cases sometimes).
 *
 * <p>Without a {@code VCardHandler} the library answers every request with an empty vCard
 * (same user, buddy name and id, no fields) and ignores own-vCard updates.
 */
public interface VCardHandler {

    /** A request: answer with the same {@code id} (the main drops unknown ids). */
    void vcardRequested(Protocol.VCard request);

    /** The user published their own vCard or avatar ({@code photo} present, maybe empty). Ignored unless overridden. */
    default void ownVCardUpdated(Protocol.VCard vcard) {
    }
}
