package org.spectrumcomet.backend;

import java.time.Duration;
import java.util.Objects;
import org.spectrumcomet.backend.outbound.BackendFeatures;

/**
 * Describes a backend to {@link SpectrumBackend#run}: name and version (for {@code --version} and
 * logs), the features sent in BACKEND_CONFIG, the handler factory, and the runtime limits.
 */
public final class BackendDefinition {

    /** Builds the handlers once, before connecting; may throw to abort startup (exit code 1). */
    @FunctionalInterface
    public interface HandlerFactory {
        Handlers create(BackendContext context) throws Exception;
    }

    private final String name;
    private final String version;
    private final BackendFeatures features;
    private final HandlerFactory handlers;
    private final RuntimeLimits limits;

    private BackendDefinition(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.features = b.features;
        this.handlers = Objects.requireNonNull(b.handlers, "handlers");
        this.limits = b.limits;
    }

    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public BackendFeatures features() {
        return features;
    }

    public HandlerFactory handlers() {
        return handlers;
    }

    public RuntimeLimits limits() {
        return limits;
    }

    /** Collects a definition; features default to none set, limits to {@link RuntimeLimits#defaults()}. */
    public static final class Builder {
        private final String name;
        private final String version;
        private BackendFeatures features = BackendFeatures.builder().build();
        private HandlerFactory handlers;
        private RuntimeLimits limits = RuntimeLimits.defaults();

        private Builder(String name, String version) {
            this.name = Objects.requireNonNull(name, "name");
            this.version = Objects.requireNonNull(version, "version");
        }

        public Builder features(BackendFeatures features) {
            this.features = Objects.requireNonNull(features, "features");
            return this;
        }

        public Builder handlers(HandlerFactory factory) {
            this.handlers = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Shortcut for handlers that need nothing from the context. */
        public Builder handlers(Handlers fixed) {
            Objects.requireNonNull(fixed, "handlers");
            this.handlers = context -> fixed;
            return this;
        }

        public Builder limits(RuntimeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public BackendDefinition build() {
            return new BackendDefinition(this);
        }
    }

    /** Shortcut used in tests: a definition with these limits' ping timeout changed. */
    public BackendDefinition withPingTimeout(Duration pingTimeout) {
        return builder(name, version).features(features).handlers(handlers)
                .limits(limits.withPingTimeout(pingTimeout)).build();
    }
}
