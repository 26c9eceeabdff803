package org.spectrumcomet.comet.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;

/** The {@code mysql_native_password} method: salt and scramble check. */
public final class NativePassword {
    public static final String PLUGIN = "mysql_native_password";
    public static final int SALT_BYTES = 20;
    private static final Random RANDOM = new SecureRandom();

    private NativePassword() {
    }

    /**
     * A fresh salt of printable ASCII without quote or backslash. CppComet sends bytes ≥ 0x80, which
     * MySQL Connector/J mangles by decoding the salt as text — so it could never log in.
     */
    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        for (int i = 0; i < salt.length; i++) {
            byte b;
            do {
                b = (byte) (0x21 + RANDOM.nextInt(0x7E - 0x21 + 1));
            } while (b == '\'' || b == '"' || b == '\\');
            salt[i] = b;
        }
        return salt;
    }

    /** {@code SHA1(pw) XOR SHA1(salt ‖ SHA1(SHA1(pw)))}, or an empty array for an empty password. */
    public static byte[] scramble(String password, byte[] salt) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        MessageDigest sha1 = sha1();
        byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(salt);
        byte[] mask = sha1.digest(stage2);
        for (int i = 0; i < stage1.length; i++) {
            mask[i] ^= stage1[i];
        }
        return mask;
    }

    /** Whether {@code response} proves knowledge of {@code password}; constant time. */
    public static boolean matches(String password, byte[] salt, byte[] response) {
        return MessageDigest.isEqual(scramble(password, salt), response);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-1", e);
        }
    }
}
