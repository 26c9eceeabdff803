package org.spectrumcomet.comet.engine.local;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks, one stripe per (tenant, user) hash. Serialises everything that decides between
 * "deliver now" and "queue" for one user against that user's connects and disconnects, without
 * a global lock. Two users may share a stripe; that only costs concurrency.
 */
final class UserLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    UserLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String tenant, long userId) {
        int hash = 31 * tenant.hashCode() + Long.hashCode(userId);
        return stripes[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
    }
}
