package org.spectrumcomet.backend.outbound;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Why a user was disconnected; mirrors {@code pbnetwork.ConnectionError} (libpurple's values).
 * Only {@link #NETWORK_ERROR} and {@link #OTHER_ERROR} make the main reconnect the user (at most
 * three times in a row); every other value is final.
 */
public enum ConnectionError {
    NETWORK_ERROR(Protocol.ConnectionError.CONNECTION_ERROR_NETWORK_ERROR),
    INVALID_USERNAME(Protocol.ConnectionError.CONNECTION_ERROR_INVALID_USERNAME),
    AUTHENTICATION_FAILED(Protocol.ConnectionError.CONNECTION_ERROR_AUTHENTICATION_FAILED),
    AUTHENTICATION_IMPOSSIBLE(Protocol.ConnectionError.CONNECTION_ERROR_AUTHENTICATION_IMPOSSIBLE),
    NO_SSL_SUPPORT(Protocol.ConnectionError.CONNECTION_ERROR_NO_SSL_SUPPORT),
    ENCRYPTION_ERROR(Protocol.ConnectionError.CONNECTION_ERROR_ENCRYPTION_ERROR),
    NAME_IN_USE(Protocol.ConnectionError.CONNECTION_ERROR_NAME_IN_USE),
    INVALID_SETTINGS(Protocol.ConnectionError.CONNECTION_ERROR_INVALID_SETTINGS),
    CERT_NOT_PROVIDED(Protocol.ConnectionError.CONNECTION_ERROR_CERT_NOT_PROVIDED),
    CERT_UNTRUSTED(Protocol.ConnectionError.CONNECTION_ERROR_CERT_UNTRUSTED),
    CERT_EXPIRED(Protocol.ConnectionError.CONNECTION_ERROR_CERT_EXPIRED),
    CERT_NOT_ACTIVATED(Protocol.ConnectionError.CONNECTION_ERROR_CERT_NOT_ACTIVATED),
    CERT_HOSTNAME_MISMATCH(Protocol.ConnectionError.CONNECTION_ERROR_CERT_HOSTNAME_MISMATCH),
    CERT_FINGERPRINT_MISMATCH(Protocol.ConnectionError.CONNECTION_ERROR_CERT_FINGERPRINT_MISMATCH),
    CERT_SELF_SIGNED(Protocol.ConnectionError.CONNECTION_ERROR_CERT_SELF_SIGNED),
    CERT_OTHER_ERROR(Protocol.ConnectionError.CONNECTION_ERROR_CERT_OTHER_ERROR),
    OTHER_ERROR(Protocol.ConnectionError.CONNECTION_ERROR_OTHER_ERROR);

    private final Protocol.ConnectionError wire;

    ConnectionError(Protocol.ConnectionError wire) {
        this.wire = wire;
    }

    /** The number sent in {@code Disconnected.error}. */
    public int code() {
        return wire.getNumber();
    }

    /** True when the main logs the user in again at once instead of giving up. */
    public boolean reconnects() {
        return this == NETWORK_ERROR || this == OTHER_ERROR;
    }
}
