package org.spectrumcomet.comet.cometql;

import static org.spectrumcomet.comet.cometql.CometQlException.INVALID_VALUE;
import static org.spectrumcomet.comet.cometql.CometQlException.TOO_LONG;
import static org.spectrumcomet.comet.cometql.CometQlException.TOO_SHORT;

import java.util.Map;
import org.spectrumcomet.comet.engine.Names;

/** CometQL's value rules (§I.3.3 and Part II of the protocol notes), each refusal with its code. */
final class ValueRules {
    private ValueRules() {
    }

    static String pipeName(String name) {
        if (name.length() < Names.MIN_PIPE_NAME) {
            throw new CometQlException(TOO_SHORT, "Channel name is too short: `" + name + "` (at least "
                    + Names.MIN_PIPE_NAME + " characters)");
        }
        if (name.length() > Names.MAX_PIPE_NAME) {
            throw new CometQlException(TOO_LONG, "Channel name is too long (" + name.length() + " characters, at most "
                    + Names.MAX_PIPE_NAME + ")");
        }
        if (!Names.NAME_ALPHABET.matcher(name).matches()) {
            throw new CometQlException(INVALID_VALUE, "The channel name can contain only the characters A-Za-z0-9_- (got `"
                    + name + "`)");
        }
        return name;
    }

    static String eventName(String event) {
        if (event.length() > Names.MAX_EVENT_NAME) {
            throw new CometQlException(TOO_LONG, "Event name is too long (" + event.length() + " characters, at most "
                    + Names.MAX_EVENT_NAME + ")");
        }
        if (!Names.NAME_ALPHABET.matcher(event).matches()) {
            throw new CometQlException(INVALID_VALUE, "The event name can contain only the characters A-Za-z0-9_- (got `"
                    + event + "`)");
        }
        return event;
    }

    /** A user id: 1 .. 999 999 999 (at most 9 digits). */
    static long userId(String text) {
        String digits = text.strip();
        if (digits.startsWith("-")) {
            throw new CometQlException(INVALID_VALUE, "The id field must be positive (got " + digits + ")");
        }
        if (!digits.matches("[0-9]+")) {
            throw new CometQlException(INVALID_VALUE, "The id field must be a number (got `" + text + "`)");
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 9) {
            throw new CometQlException(INVALID_VALUE, "The id field has at most 9 digits (got " + digits + ")");
        }
        long id = Long.parseLong(significant);
        if (id <= 0) {
            throw new CometQlException(INVALID_VALUE, "The id field must be positive (got " + digits + ")");
        }
        return id;
    }

    static String userKey(String hash) {
        if (hash.length() > Names.MAX_KEY_LENGTH) {
            throw new CometQlException(TOO_LONG, "Hash string is too long (" + hash.length() + " characters, at most "
                    + Names.MAX_KEY_LENGTH + ")");
        }
        if (!Names.KEY_ALPHABET.matcher(hash).matches()) {
            throw new CometQlException(INVALID_VALUE, "Contains an invalid characters in the string hash (allowed: 0-9A-Za-z=+/_)");
        }
        return hash;
    }

    /** A pipes_settings length: 0..99, larger refused (never clamped). */
    static int historyLength(String text) {
        String digits = text.strip();
        if (!digits.matches("[0-9]{1,9}")) {
            throw new CometQlException(INVALID_VALUE, "length must be an integer from 0 to "
                    + Names.MAX_HISTORY_LENGTH + " (got `" + text + "`)");
        }
        int length = Integer.parseInt(digits);
        if (length > Names.MAX_HISTORY_LENGTH) {
            throw new CometQlException(INVALID_VALUE, "length must be from 0 to " + Names.MAX_HISTORY_LENGTH
                    + " (got " + length + ")");
        }
        return length;
    }

    static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new CometQlException(INVALID_VALUE, "field `" + column + "` is required");
        }
        return value;
    }
}
