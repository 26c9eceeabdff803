package org.spectrumcomet.comet.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A user key that needs no stored row: lowercase hex HMAC-SHA256 of the decimal user id, keyed
 * with the tenant key (the "MAC of the user id under a server secret" of the WebSocket-services
 * seed). Always the full 64 hex characters; never truncated, so it keeps all 256 bits.
 */
public final class HmacUserKey {

    /** Length of a key in characters. */
    public static final int LENGTH = 64;

    private HmacUserKey() {
    }

    /** The key of {@code userId} under {@code tenantKey}. */
    public static String of(String tenantKey, long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(Long.toString(userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JRE; an empty key is the only way to get here.
            throw new IllegalArgumentException("cannot compute HMAC: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} is the HMAC key of {@code userId}; compared in constant time. */
    public static boolean matches(String tenantKey, long userId, String key) {
        if (key == null || key.length() != LENGTH || tenantKey == null || tenantKey.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(of(tenantKey, userId).getBytes(StandardCharsets.US_ASCII),
                key.getBytes(StandardCharsets.UTF_8));
    }
}
