package org.spectrumcomet.backend;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.cli.LaunchArguments;
import org.spectrumcomet.backend.cli.LaunchArgumentsParser;
import org.spectrumcomet.backend.config.ConfigException;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.backend.dispatch.InboundDispatcher;
import org.spectrumcomet.backend.dispatch.UserQueues;
import org.spectrumcomet.backend.link.LinkEnd;
import org.spectrumcomet.backend.link.MainInstanceLink;
import org.spectrumcomet.backend.link.MainInstanceUnreachableException;
import org.spectrumcomet.backend.link.OutboundGate;
import org.spectrumcomet.backend.logging.BackendLogging;
import org.spectrumcomet.backend.metrics.BackendMeters;
import org.spectrumcomet.backend.metrics.BackendMetrics;
import org.spectrumcomet.backend.metrics.MetricsBindException;
import org.spectrumcomet.backend.metrics.MetricsListener;
import org.spectrumcomet.backend.metrics.MetricsSettings;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.FramedMainInstance;
import org.spectrumcomet.backend.outbound.LoginLedger;

/**
 * Runs a backend the way Spectrum 2 expects, from argv to exit code:
 * <ol>
 *   <li>parse argv ({@code --help}, {@code --version} print and return 0);</li>
 *   <li>load the transport config — any problem: one line on stderr, exit code {@value #EXIT_CONFIG};</li>
 *   <li>with a {@code [metrics]} section, bind its listener — failure: one line on stderr, exit code
 *       {@value #EXIT_CONFIG};</li>
 *   <li>set up logging, build the handlers (heavy initialisation happens here, before connecting,
 *       so that the first PING is answered within milliseconds);</li>
 *   <li>connect with a bounded retry — failure: one line on stderr, exit code {@value #EXIT_FAILURE};</li>
 *   <li>run until EXIT, EOF (exit code 0) or the ping watchdog (exit code 1).</li>
 * </ol>
 * The caller passes the result to {@code System.exit}.
 */
public final class SpectrumBackend {

    private static final Logger LOG = LoggerFactory.getLogger(SpectrumBackend.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_CONFIG = 2;

    private SpectrumBackend() {
    }

    public static int run(String[] args, BackendDefinition definition) {
        return run(args, definition, System.out, System.err);
    }

    public static int run(String[] args, BackendDefinition definition, PrintStream out, PrintStream err) {
        LaunchArguments arguments = LaunchArgumentsParser.parse(args);
        if (arguments.helpRequested()) {
            LaunchArgumentsParser.printUsage(new PrintWriter(out, true));
            return EXIT_OK;
        }
        if (arguments.versionRequested()) {
            out.println(definition.name() + " " + definition.version());
            return EXIT_OK;
        }
        TransportConfig config;
        MetricsSettings metrics;
        try {
            if (arguments.configFile() == null) {
                throw new ConfigException("(no config file): the transport config path must be the last argument");
            }
            config = TransportConfig.load(arguments.configFile(), arguments.configOverrides());
            metrics = MetricsSettings.from(config, arguments.backendId());
        } catch (ConfigException e) {
            err.println(definition.name() + ": " + e.getMessage());
            return EXIT_CONFIG;
        }
        BackendLogging.configure(config, arguments.backendId());
        if (!arguments.ignored().isEmpty()) {
            LOG.debug("ignoring command-line arguments {}", arguments.ignored());
        }
        BackendMetrics registry = metrics.enabled() ? BackendMetrics.prometheus() : BackendMetrics.disabled();
        MetricsListener listener = null;
        if (metrics.enabled()) {
            try {
                listener = MetricsListener.start(metrics, registry);
            } catch (MetricsBindException e) {
                LOG.error(e.getMessage());
                err.println(definition.name() + ": " + e.getMessage());
                return EXIT_CONFIG;
            }
        }
        try {
            return runConfigured(arguments, config, definition, registry, err);
        } finally {
            if (listener != null) {
                listener.close();
            }
        }
    }

    private static int runConfigured(LaunchArguments arguments, TransportConfig config, BackendDefinition definition,
                                     BackendMetrics metrics, PrintStream err) {
        RuntimeLimits limits = definition.limits();
        EventLoopGroup group = new NioEventLoopGroup(1);
        UserQueues queues = new UserQueues(limits.workerThreads(), limits.userBacklog(), limits.slowHandlerWarning());
        OutboundGate gate = new OutboundGate(limits.maxPendingOutboundBytes());
        LoginLedger ledger = new LoginLedger();
        BackendMeters meters = new BackendMeters(metrics.registry(), ledger, gate);
        metrics.addHealthCheck("main", () -> meters.mainLinkUp() ? null
                : "no link to the Spectrum main instance at " + arguments.host() + ":" + arguments.port());
        FramedMainInstance main = new FramedMainInstance(meters.sink(gate), ledger, meters);
        Handlers handlers = null;
        try {
            BackendFeatures features;
            try {
                features = definition.features(config);
                handlers = definition.handlers().create(new BackendContext(arguments, config, main, group, metrics));
            } catch (ConfigException e) {
                err.println(definition.name() + ": " + e.getMessage());
                return EXIT_CONFIG;
            } catch (Exception e) {
                LOG.error("backend {} failed to start", definition.name(), e);
                err.println(definition.name() + ": failed to start: " + e);
                return EXIT_FAILURE;
            }
            InboundDispatcher dispatcher = new InboundDispatcher(handlers, main, ledger, queues);
            MainInstanceLink link = MainInstanceLink.connect(group, arguments.host(), arguments.port(),
                    new MainInstanceLink.Settings(features, limits.pingTimeout(), limits.maxInboundFrame(),
                            limits.connectAttempts(), limits.connectRetryDelay()),
                    gate, dispatcher, meters);
            LOG.info("backend {} {} (id {}, pid {}) linked to the main instance at {}:{}", definition.name(),
                    definition.version(), arguments.backendId(), ProcessHandle.current().pid(), arguments.host(), arguments.port());
            LinkEnd end = link.ended().get();
            LOG.info("link to the main instance ended ({}), exiting with code {}", end, end.exitCode());
            return end.exitCode();
        } catch (MainInstanceUnreachableException e) {
            LOG.error(e.getMessage());
            err.println(definition.name() + ": " + e.getMessage());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        } catch (ExecutionException e) {
            LOG.error("link failed", e);
            return EXIT_FAILURE;
        } finally {
            queues.shutdown(Duration.ofSeconds(2));
            if (handlers != null) {
                runOnExit(handlers);
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    private static void runOnExit(Handlers handlers) {
        try {
            handlers.onExit().run();
        } catch (RuntimeException e) {
            LOG.warn("onExit failed", e);
        }
    }
}
