package org.spectrumcomet.demo;

/**
 * One person in the demo: a display name, a comet user id and the comet user key the site stored
 * for them in {@code users_auth} (the XMPP user's transport password is that key).
 */
record DemoUser(String name, long cometId, String key) {

    /** The XMPP-side user: logs in through Spectrum as {@code alice@localhost}. */
    static final DemoUser ALICE = new DemoUser("alice", 1001, "alice1001demokey");
    /** The web-side user: a browser page on its own comet socket. */
    static final DemoUser BOB = new DemoUser("bob", 2002, "bob2002demokey");

    /** The comet user id as the bridge's legacy name and buddy name. */
    String legacyName() {
        return Long.toString(cometId);
    }

    /** The demo's name for a comet user id (as it appears in a body's {@code from}), else the id itself. */
    static String nameOf(String cometId) {
        for (DemoUser u : new DemoUser[] {ALICE, BOB}) {
            if (u.legacyName().equals(cometId)) {
                return u.name;
            }
        }
        return cometId;
    }
}
