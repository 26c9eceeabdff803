package org.spectrumcomet.backend;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.backend.outbound.BackendFeatures;

/**
 * Describes a backend to {@link SpectrumBackend#run}: name and version (for {@code --version} and
 * logs), the features sent in BACKEND_CONFIG (fixed, or computed from the loaded transport config),
 * the handler factory, and the runtime limits.
 */
public final class BackendDefinition {

    /** Builds the handlers once, before connecting; may throw to abort startup (exit code 1). */
    @FunctionalInterface
    public interface HandlerFactory {
        Handlers create(BackendContext context) throws Exception;
    }

    private final String name;
    private final String version;
    private final Function<TransportConfig, BackendFeatures> features;
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

    /**
     * The features for BACKEND_CONFIG under {@code config}; called once at startup, before the
     * link connects. A {@link org.spectrumcomet.backend.config.ConfigException} from a computing
     * definition stops the backend with the config exit code.
     */
    public BackendFeatures features(TransportConfig config) {
        return Objects.requireNonNull(features.apply(config), "features computed from the config");
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
        private Function<TransportConfig, BackendFeatures> features = config -> BackendFeatures.builder().build();
        private HandlerFactory handlers;
        private RuntimeLimits limits = RuntimeLimits.defaults();

        private Builder(String name, String version) {
            this.name = Objects.requireNonNull(name, "name");
            this.version = Objects.requireNonNull(version, "version");
        }

        /** The same features whatever the config. */
        public Builder features(BackendFeatures features) {
            Objects.requireNonNull(features, "features");
            this.features = config -> features;
            return this;
        }

        /**
         * Features that depend on the transport config (e.g. {@code [service] server_mode}),
         * computed from it once at startup, before BACKEND_CONFIG is sent.
         */
        public Builder features(Function<TransportConfig, BackendFeatures> fromConfig) {
            this.features = Objects.requireNonNull(fromConfig, "fromConfig");
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
