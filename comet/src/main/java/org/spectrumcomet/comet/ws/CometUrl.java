package org.spectrumcomet.comet.ws;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CppComet WebSocket URL (spec §I.4.1), parsed positionally and literally as CppComet does:
 * <pre>/ws/sesion=&lt;key&gt;&amp;myid=&lt;id&gt;&amp;devid=&lt;dev_id&gt;&amp;v=&lt;major.minor&gt;&amp;uuid=&lt;uuid&gt;&amp;api=js</pre>
 * No percent-decoding. Field names are skipped by length, not checked.
 *
 * @param userKey the text after the first {@code =} up to the next {@code &} (may be empty)
 * @param userId the digits after {@code myid=}; 0 (anonymous) when not all digits or above 9 digits
 * @param devId the tenant, the digits after {@code devid=} ("0" when empty)
 * @param major client major version
 * @param minor client minor version
 * @param uuid the client's uuid, at most {@link #MAX_UUID} characters, may be empty
 */
public record CometUrl(String userKey, long userId, String devId, int major, int minor, String uuid) {

    /** Path prefixes CppComet accepts (the last two behind a reverse proxy at /comet-server). */
    public static final List<String> PREFIXES = List.of("/ws/", "//ws/", "/comet-server/ws/", "//comet-server/ws/");
    public static final int MAX_UUID = 32;
    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /** The prefix the path starts with, or null when it is not a CppComet WebSocket path. */
    public static String prefixOf(String path) {
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * Parses a request path (with one of {@link #PREFIXES}).
     *
     * @throws Invalid with CppComet's error code and text when the layout is broken
     */
    public static CometUrl parse(String path) throws Invalid {
        String prefix = prefixOf(path);
        if (prefix == null) {
            throw new Invalid(404, "not a comet WebSocket path");
        }
        String rest = path.substring(prefix.length());
        int eq = rest.indexOf('=');
        if (eq < 0) {
            throw new Invalid(401, "session ID not found");
        }
        int amp1 = rest.indexOf('&', eq + 1);
        if (amp1 < 0) {
            throw new Invalid(401, "the user ID can not be found");
        }
        String key = rest.substring(eq + 1, amp1);
        int amp2 = rest.indexOf('&', amp1 + 1);
        int amp3 = amp2 < 0 ? -1 : rest.indexOf('&', amp2 + 1);
        if (amp3 < 0) {
            throw new Invalid(418, "client version (v=major.minor) not found");
        }
        String myid = field(rest, amp1 + 1 + "myid=".length(), amp2);
        long userId = DIGITS.matcher(myid).matches() ? Long.parseLong(myid) : 0;
        String devid = field(rest, amp2 + 1 + "devid=".length(), amp3);
        if (devid.isEmpty()) {
            devid = "0";
        } else if (!DIGITS.matcher(devid).matches()) {
            throw new Invalid(404, "unknown tenant '" + devid + "'");
        } else {
            devid = Long.toString(Long.parseLong(devid)); // "007" is tenant 7
        }
        int amp4 = rest.indexOf('&', amp3 + 1);
        Matcher version = VERSION.matcher(field(rest, amp3 + 1 + "v=".length(), amp4 < 0 ? rest.length() : amp4));
        if (!version.matches()) {
            throw new Invalid(418, "client version (v=major.minor) is missing or invalid");
        }
        String uuid = "";
        if (amp4 >= 0 && rest.startsWith("uuid=", amp4 + 1)) {
            int start = amp4 + 1 + "uuid=".length();
            int end = rest.indexOf('&', start);
            uuid = rest.substring(start, end < 0 ? rest.length() : end);
            if (uuid.length() > MAX_UUID) {
                uuid = uuid.substring(0, MAX_UUID);
            }
        }
        return new CometUrl(key, userId, devid, Integer.parseInt(version.group(1)),
                Integer.parseInt(version.group(2)), uuid);
    }

    /** The text from {@code start} (after a skipped field name) to {@code end}; empty if none. */
    private static String field(String text, int start, int end) {
        return start >= end || start > text.length() ? "" : text.substring(start, end);
    }

    /** A URL CppComet would refuse: the error frame's code and text. */
    public static final class Invalid extends Exception {
        private final int code;

        public Invalid(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
