package org.spectrumcomet.soak;

/**
 * The kinds of traffic a soak mixes, each with its share of the aggregate rate and the tag its
 * message text carries ({@code soak <seq> <tag>}).
 */
public enum TrafficKind {
    /** An XMPP user's CONV_MESSAGE to a web user (bridge → CometQL users_messages → WebSocket). */
    XMPP_TO_WEB("xw", 30),
    /** The site's CometQL private message from a web user to an XMPP user (→ bridge → CONV_MESSAGE). */
    WEB_TO_XMPP("wx", 30),
    /** An XMPP user's room message: every occupant, web and XMPP (its own echo included), gets it. */
    ROOM_FROM_XMPP("rx", 12),
    /** A web user's web_pipe2 room message: every other occupant gets it. */
    ROOM_FROM_WEB("rw", 12),
    /** An XMPP user's status change, read by web users subscribed to its {@code user_status_<id>} pipe. */
    PRESENCE("pr", 12),
    /** A churning XMPP user's LOGIN (its CONNECTED is the delivery); logouts go unrecorded. */
    LOGIN("li", 4);

    private final String tag;
    private final int share;

    TrafficKind(String tag, int share) {
        this.tag = tag;
        this.share = share;
    }

    public String tag() {
        return tag;
    }

    /** Relative weight in the mix (the shares add up to 100). */
    public int share() {
        return share;
    }

    /** The kind for a number in 0..99, by the shares in declaration order. */
    public static TrafficKind forRoll(int roll) {
        int acc = 0;
        for (TrafficKind k : values()) {
            acc += k.share;
            if (roll < acc) {
                return k;
            }
        }
        return values()[values().length - 1];
    }
}
