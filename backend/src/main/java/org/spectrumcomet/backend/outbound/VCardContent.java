package org.spectrumcomet.backend.outbound;

/**
 * What a vCard answer carries. {@code photo} is the raw image (no MIME type); an avatar's
 * iconHash elsewhere should be the SHA-1 hex of exactly these bytes.
 *
 * @param fullname the full name, or "" / null for none
 * @param nickname the nickname, or "" / null for none
 * @param photo the image bytes, or null / empty for none
 */
public record VCardContent(String fullname, String nickname, byte[] photo) {

    /** A vCard with nothing in it: the honest answer when nothing is known. */
    public static VCardContent empty() {
        return new VCardContent("", "", null);
    }
}
