package org.spectrumcomet.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is who in a soak: comet ids, JIDs, which stable XMPP users and web users share which room
 * ({@code web_soak_<r>}, so web pages may publish on it), and which web users watch which XMPP
 * user's {@code user_status_<id>} pipe. XMPP user {@code i} is comet id {@value #XMPP_BASE}+i; web
 * user {@code j} is {@value #WEB_BASE}+j; the churning XMPP users are the last ones.
 */
public final class SoakLayout {

    static final long XMPP_BASE = 100_000;
    static final long WEB_BASE = 500_000;

    private final SoakSettings settings;
    private final long[][] roomXmpp;
    private final long[][] roomWeb;
    private final long[][] watchers;

    public SoakLayout(SoakSettings settings) {
        this.settings = settings;
        int rooms = settings.rooms();
        roomXmpp = group(settings.stable(), rooms, XMPP_BASE);
        roomWeb = group(settings.webInRooms(), rooms, WEB_BASE);
        watchers = group(settings.web(), settings.stable(), WEB_BASE);
    }

    /** Splits members 0..count-1 into {@code groups} by index modulo groups, as comet ids from {@code base}. */
    private static long[][] group(int count, int groups, long base) {
        List<List<Long>> lists = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            lists.get(i % groups).add(base + i);
        }
        long[][] out = new long[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = lists.get(g).stream().mapToLong(Long::longValue).toArray();
        }
        return out;
    }

    public SoakSettings settings() {
        return settings;
    }

    public static long xmppId(int i) {
        return XMPP_BASE + i;
    }

    public static long webId(int j) {
        return WEB_BASE + j;
    }

    public static String jid(long id) {
        return "u" + id + "@localhost";
    }

    /** The comet id in a soak JID ({@code u<id>@localhost}), or -1. */
    public static long idOfJid(String jid) {
        int at = jid.indexOf('@');
        if (!jid.startsWith("u") || at < 2) {
            return -1;
        }
        try {
            return Long.parseLong(jid.substring(1, at));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static String key(long id) {
        return "soakkey" + id;
    }

    public static String nick(long id) {
        return "x" + id;
    }

    public static String roomName(int r) {
        return "web_soak_" + r;
    }

    public boolean isChurning(int i) {
        return i >= settings.stable();
    }

    /** The room of stable XMPP user {@code i}. */
    public int roomOfXmpp(int i) {
        return i % settings.rooms();
    }

    /** The room of web user {@code j}, or -1 when it sits in none. */
    public int roomOfWeb(int j) {
        return j < settings.webInRooms() ? j % settings.rooms() : -1;
    }

    public long[] xmppInRoom(int r) {
        return roomXmpp[r];
    }

    public long[] webInRoom(int r) {
        return roomWeb[r];
    }

    /** The stable XMPP user whose presence web user {@code j} watches. */
    public int watchedBy(int j) {
        return j % settings.stable();
    }

    /** The web users watching stable XMPP user {@code i}'s presence. */
    public long[] watchersOf(int i) {
        return watchers[i];
    }

    /** The pipes web user {@code j} subscribes to: its room (if any), then the presence it watches. */
    public String[] pipesOfWeb(int j) {
        String status = "user_status_" + xmppId(watchedBy(j));
        int r = roomOfWeb(j);
        return r < 0 ? new String[] {status} : new String[] {roomName(r), status};
    }
}
