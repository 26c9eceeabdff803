package org.spectrumcomet.backend.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.config.ConfigSection;
import org.spectrumcomet.backend.config.TransportConfig;

/**
 * Configures Logback from the transport config's {@code [logging]} section:
 * <ul>
 *   <li>{@code backend_config = /path/backend-logging.xml} — a Logback XML file, used as is
 *       ({@code ${id}} inside it is the backend id, a Logback property). Spectrum's C++ backends put
 *       a log4cxx {@code .cfg} there, which Logback cannot read: it is then ignored with a
 *       warning and the keys below apply;</li>
 *   <li>{@code level = INFO} — root level (TRACE, DEBUG, INFO, WARN, ERROR; default INFO);</li>
 *   <li>{@code file = /var/log/spectrum2/$jid/backends/backend-${id}.log} — append to this file
 *       instead of stderr; {@code ${id}} becomes the backend id from {@code --service.backend_id}
 *       and {@code $jid} the transport JID.</li>
 * </ul>
 * Without a SLF4J binding to Logback (a backend that ships another one) nothing is changed.
 */
public final class BackendLogging {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [backend-%property{id}] %logger{30}: %msg%n";

    private BackendLogging() {
    }

    /** Applies the config; problems are logged, never thrown (logging must not stop the backend). */
    public static void configure(TransportConfig config, int backendId) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ConfigSection logging = config.logging();
        String id = Integer.toString(backendId);
        String xml = logging.getString("backend_config", "");
        if (!xml.isEmpty() && xml.endsWith(".xml") && Files.isReadable(Path.of(xml))) {
            if (loadXml(context, Path.of(xml), id)) {
                return;
            }
        }
        Level level = Level.toLevel(logging.getString("level", "INFO"), Level.INFO);
        // file is our own key, so the main never substitutes $jid in it: do it here, as operators expect.
        String file = logging.getString("file", "").replace("${id}", id).replace("$jid", config.jid());
        configureSimple(context, level, file, id);
        Logger log = LoggerFactory.getLogger(BackendLogging.class);
        if (!xml.isEmpty() && !xml.endsWith(".xml")) {
            log.warn("logging.backend_config={} is not a Logback XML file (a log4cxx .cfg?); using [logging] level/file", xml);
        } else if (!xml.isEmpty() && !Files.isReadable(Path.of(xml))) {
            log.warn("logging.backend_config={} cannot be read; using [logging] level/file", xml);
        }
    }

    private static boolean loadXml(LoggerContext context, Path xml, String id) {
        context.reset();
        context.putProperty("id", id);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml.toFile());
            return true;
        } catch (JoranException e) {
            configureSimple(context, Level.INFO, "", id);
            LoggerFactory.getLogger(BackendLogging.class).warn("cannot load {}: {}; logging INFO to stderr", xml, e.getMessage());
            return false;
        }
    }

    private static void configureSimple(LoggerContext context, Level level, String file, String id) {
        context.reset();
        context.putProperty("id", id);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (file.isEmpty()) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        } else {
            FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
            fileAppender.setFile(file);
            fileAppender.setAppend(true);
            appender = fileAppender;
        }
        appender.setContext(context);
        appender.setName("backend");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(appender);
        context.getLogger("io.netty").setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
    }
}
