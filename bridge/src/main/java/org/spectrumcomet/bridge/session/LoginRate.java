package org.spectrumcomet.bridge.session;

import java.time.Clock;

/**
 * The {@code login_rate} bound: LOGINs this backend process starts per second, with bursts of up
 * to twice that (a restarted main sends a whole backend's users at once). A token bucket on the
 * session clock; {@code 0} = unlimited. A LOGIN over the bound is refused at once with
 * DISCONNECTED(NETWORK_ERROR) — the main retries it later — and never opens a comet socket, so a
 * flood of logins cannot flood comet or this process.
 */
final class LoginRate {

    private final int perSecond;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    LoginRate(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.burst = 2.0 * perSecond;
        this.clock = clock;
        this.tokens = burst;
        this.lastMillis = clock.millis();
    }

    int perSecond() {
        return perSecond;
    }

    /** Takes one LOGIN from the bucket; false when the bound is reached. */
    synchronized boolean tryAcquire() {
        if (perSecond == 0) {
            return true;
        }
        long now = clock.millis();
        tokens = Math.min(burst, tokens + (now - lastMillis) * perSecond / 1000.0);
        lastMillis = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
