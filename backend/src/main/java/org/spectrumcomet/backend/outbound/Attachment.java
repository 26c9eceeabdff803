package org.spectrumcomet.backend.outbound;

import java.util.Objects;

/**
 * A file offered by URL in a message (XEP-0066 out-of-band data). The URL is required: Spectrum
 * drops the whole message when an attachment lacks one. The main ignores the MIME type and
 * currently emits the description empty (spec §5.5).
 */
public record Attachment(String url, String mimeType, String description) {
    public Attachment {
        Objects.requireNonNull(url, "url");
        if (url.isEmpty()) {
            throw new IllegalArgumentException("an attachment needs a URL");
        }
        mimeType = mimeType == null ? "" : mimeType;
        description = description == null ? "" : description;
    }

    public static Attachment of(String url) {
        return new Attachment(url, "", "");
    }
}
