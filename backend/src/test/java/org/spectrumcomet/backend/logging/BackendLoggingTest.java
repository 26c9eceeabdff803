package org.spectrumcomet.backend.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.config.TransportConfig;

class BackendLoggingTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreTestLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private void flush() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    @Test
    void levelAndFileWithTheBackendId() throws Exception {
        String pattern = dir.resolve("$jid-backend-${id}.log").toString();
        BackendLogging.configure(TransportConfig.of(Map.of("logging.level", "DEBUG", "logging.file", pattern,
                "service.jid", "t.example")), 3);
        LoggerFactory.getLogger("t").debug("debug line for user a@x");
        LoggerFactory.getLogger("t").trace("trace line");
        flush();
        String text = Files.readString(dir.resolve("t.example-backend-3.log"));
        assertThat(text).contains("debug line for user a@x").contains("[backend-3]").doesNotContain("trace line");
    }

    @Test
    void defaultLevelIsInfo() throws Exception {
        Path file = dir.resolve("b.log");
        BackendLogging.configure(TransportConfig.of(Map.of("logging.file", file.toString())), 1);
        LoggerFactory.getLogger("t").debug("hidden");
        LoggerFactory.getLogger("t").info("shown");
        flush();
        assertThat(Files.readString(file)).contains("shown").doesNotContain("hidden");
    }

    @Test
    void aLogbackXmlIsUsedWithTheIdProperty() throws Exception {
        Path xml = dir.resolve("backend-logging.xml");
        Path out = dir.resolve("xml-${id}.log");
        Files.writeString(xml, """
                <configuration>
                  <appender name="F" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>XML %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="F"/></root>
                </configuration>
                """.formatted(out));
        BackendLogging.configure(TransportConfig.of(Map.of("logging.backend_config", xml.toString())), 7);
        LoggerFactory.getLogger("t").info("via xml");
        flush();
        assertThat(Files.readString(dir.resolve("xml-7.log"))).contains("XML via xml");
    }

    @Test
    void aLog4cxxCfgIsIgnoredWithAWarning() throws Exception {
        Path cfg = dir.resolve("backend-logging.cfg");
        Files.writeString(cfg, "log4j.rootLogger=debug, R\n");
        Path file = dir.resolve("fallback.log");
        BackendLogging.configure(TransportConfig.of(Map.of("logging.backend_config", cfg.toString(),
                "logging.file", file.toString())), 1);
        flush();
        assertThat(Files.readString(file)).contains("not a Logback XML file");
    }
}
