package org.spectrumcomet.comet.engine.local;

/**
 * Bounds the engine enforces beyond the naming rules of {@link org.spectrumcomet.comet.engine.Names}.
 *
 * @param maxQueuedPerUser private messages kept for an offline user; when the queue is full a new
 *                         message is refused (receipt {@code delivered=0, queued=false}, logged),
 *                         never an older one dropped
 * @param maxPipesPerSession pipes one connection may be subscribed to; names beyond it are ignored
 *                           (logged) — CppComet allows 32
 */
public record EngineLimits(int maxQueuedPerUser, int maxPipesPerSession) {

    public static final int DEFAULT_MAX_QUEUED_PER_USER = 1000;
    public static final int DEFAULT_MAX_PIPES_PER_SESSION = 32;

    public static final EngineLimits DEFAULTS =
            new EngineLimits(DEFAULT_MAX_QUEUED_PER_USER, DEFAULT_MAX_PIPES_PER_SESSION);

    public EngineLimits {
        if (maxQueuedPerUser < 0 || maxPipesPerSession < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxQueuedPerUser
                    + ", " + maxPipesPerSession);
        }
    }
}
