package org.spectrumcomet.comet.store;

/**
 * When {@link SqliteStore} forces writes to the disk (SQLite's {@code synchronous} setting in WAL
 * mode). The trade-off is latency per acknowledged write against what a power loss may take.
 */
public enum FsyncPolicy {
    /**
     * {@code synchronous=FULL}: every commit is fsynced before the call returns. An acknowledged
     * write (a CometQL OK) survives kill -9 <em>and</em> power loss. The default.
     */
    FULL("FULL"),
    /**
     * {@code synchronous=NORMAL}: the WAL is fsynced only at checkpoints. An acknowledged write
     * survives kill -9 (the OS has it), but a power loss or kernel crash may roll back the last
     * commits. Several times faster on slow disks.
     */
    NORMAL("NORMAL");

    private final String pragma;

    FsyncPolicy(String pragma) {
        this.pragma = pragma;
    }

    String pragma() {
        return pragma;
    }

    /** Parses {@code full} / {@code normal} (any case). */
    public static FsyncPolicy parse(String text) {
        for (FsyncPolicy p : values()) {
            if (p.name().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("fsync must be 'full' or 'normal', got '" + text + "'");
    }
}
