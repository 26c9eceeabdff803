package org.spectrumcomet.bridge.comet;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Restores frames damaged by a CppComet 4.09 bug: a frame whose JSON text is 123–125 bytes long
 * arrives with its last 1–3 bytes replaced by NUL (found by {@code CppCometDifferencesIT}); shorter
 * and longer frames are whole. The lost bytes are the end of the object. CppComet writes keys in
 * alphabetical order (spec §I.4.5), so {@code pipe} is the last key of every message frame except
 * those carrying {@code user_id} (browser {@code web_} messages, history replays): the tail is
 * {@code "pipe":"<name>"}} and the name is one the connection can receive ({@code msg}, {@code sys}
 * or a subscribed pipe). A repair is returned only when exactly one such tail fits the bytes that
 * did arrive; otherwise the frame cannot be rebuilt and the caller drops it.
 */
final class DamagedFrameRepair {

    /** CppComet's bug window: frame lengths (UTF-8 bytes) whose tail it damages. */
    static final int FIRST_DAMAGED_LENGTH = 123;
    static final int LAST_DAMAGED_LENGTH = 125;

    private DamagedFrameRepair() {
    }

    /** Whether {@code text} looks like a frame hit by the bug (in the window and ends in NUL). */
    static boolean isDamaged(String text) {
        if (text.isEmpty() || text.length() > LAST_DAMAGED_LENGTH || text.charAt(text.length() - 1) != '\0') {
            return false; // more chars than the window's bytes: cannot be in it
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length; // the bug counts wire bytes, not chars
        return bytes >= FIRST_DAMAGED_LENGTH && bytes <= LAST_DAMAGED_LENGTH;
    }

    /**
     * The frame with its lost tail restored, or empty when it cannot be determined.
     *
     * @param pipes the pipes the connection is subscribed to ({@code msg} and {@code sys} are added)
     */
    static Optional<String> repair(String text, Collection<String> pipes) {
        if (!isDamaged(text)) {
            return Optional.empty();
        }
        int kept = text.length();
        while (kept > 0 && text.charAt(kept - 1) == '\0') {
            kept--;
        }
        int lost = text.length() - kept;
        if (lost > LAST_DAMAGED_LENGTH - FIRST_DAMAGED_LENGTH + 1) {
            return Optional.empty();
        }
        String arrived = text.substring(0, kept);
        if (lost == 1) {
            return Optional.of(arrived + "}"); // every frame is one object: the last byte is always '}'
        }
        Set<String> candidates = new LinkedHashSet<>(pipes);
        candidates.add("msg");
        candidates.add("sys");
        Set<String> tails = new LinkedHashSet<>();
        for (String pipe : candidates) {
            String end = "\"pipe\":\"" + pipe + "\"}";
            if (end.length() > lost && arrived.endsWith(end.substring(0, end.length() - lost))) {
                tails.add(end.substring(end.length() - lost));
            }
        }
        return tails.size() == 1 ? Optional.of(arrived + tails.iterator().next()) : Optional.empty();
    }

    /** {@code text} with NULs shown as {@code \u0000}, so a log line never carries raw NUL bytes. */
    static String escapeNuls(String text) {
        return text.replace("\0", "\\u0000");
    }
}
