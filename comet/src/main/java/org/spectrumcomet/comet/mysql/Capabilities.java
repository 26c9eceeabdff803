package org.spectrumcomet.comet.mysql;

/** Capability flags of the handshake, and the set this server advertises. */
public final class Capabilities {
    public static final int LONG_PASSWORD = 0x1;
    public static final int FOUND_ROWS = 0x2;
    public static final int LONG_FLAG = 0x4;
    public static final int CONNECT_WITH_DB = 0x8;
    public static final int COMPRESS = 0x20;
    public static final int PROTOCOL_41 = 0x200;
    public static final int IGNORE_SPACE = 0x100;
    public static final int INTERACTIVE = 0x400;
    public static final int SSL = 0x800;
    public static final int TRANSACTIONS = 0x2000;
    public static final int SECURE_CONNECTION = 0x8000;
    public static final int MULTI_RESULTS = 0x20000;
    public static final int PLUGIN_AUTH = 0x80000;
    public static final int CONNECT_ATTRS = 0x100000;
    public static final int PLUGIN_AUTH_LENENC_CLIENT_DATA = 0x200000;
    public static final int DEPRECATE_EOF = 0x1000000;

    /**
     * What we advertise. Deliberately absent: SSL (no TLS is offered, so drivers with default
     * options must not try it), COMPRESS, MULTI_STATEMENTS (CometQL runs one statement per query),
     * LOCAL_FILES, CONNECT_ATTRS (not read) and DEPRECATE_EOF (result sets always end with EOF
     * packets, which every client understands).
     */
    public static final int SERVER = LONG_PASSWORD | FOUND_ROWS | LONG_FLAG | CONNECT_WITH_DB | IGNORE_SPACE
            | PROTOCOL_41 | INTERACTIVE | TRANSACTIONS | SECURE_CONNECTION | MULTI_RESULTS | PLUGIN_AUTH
            | PLUGIN_AUTH_LENENC_CLIENT_DATA;

    /** Server status flag "autocommit", the only one we ever report. */
    public static final int STATUS_AUTOCOMMIT = 0x0002;

    /** utf8mb4_general_ci: what we announce and label every column with (bytes pass through untouched). */
    public static final int CHARSET_UTF8MB4 = 45;

    private Capabilities() {
    }
}
