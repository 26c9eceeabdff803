package org.spectrumcomet.peers;

import java.nio.file.Path;

/**
 * The files {@link SpectrumComponent} writes: the transport config in gateway mode
 * ({@code server_mode = 0}, the component link to the XMPP server, the backend, sqlite in DIR, the
 * backend's extra text such as {@code [comet]} last) and the two log4cxx configs laid out as the
 * bundle's {@code start} writes them. README "Run under Spectrum 2" shows the same config.
 */
final class ComponentConfig {

    private ComponentConfig() {
    }

    static String transport(Path dir, String jid, int componentPort, int backendPort, String secret,
                            PeerBackend backend, int usersPerBackend) {
        return "[service]\n"
                + "server_mode = 0\n"
                + "jid = " + jid + "\n"
                + "password = " + secret + "\n"
                + "server = 127.0.0.1\n"
                + "port = " + componentPort + "\n"
                + "backend_host = 127.0.0.1\n"
                + "# below the ephemeral ports (32768-60999): with 0 Spectrum picks 30000-39999 itself\n"
                + "backend_port = " + backendPort + "\n"
                + "users_per_backend = " + usersPerBackend + "\n"
                + "backend = " + backend.command() + "\n"
                + "working_dir = " + dir + "\n"
                + "pidfile = " + dir.resolve("spectrum2.internal.pid") + "\n"
                + "portfile = " + dir.resolve("spectrum2.backend-port") + "\n"
                + "\n[identity]\n"
                + "name = Comet\n"
                + "category = gateway\n"
                + "type = comet\n"
                + "\n[logging]\n"
                + "config = " + dir.resolve("logging.cfg") + "\n"
                + "backend_config = " + dir.resolve("backend-logging.cfg") + "\n"
                + "\n[database]\n"
                + "type = sqlite3\n"
                + "database = " + dir.resolve("database.sql") + "\n"
                + "\n[registration]\n"
                + "enable_public_registration = 1\n"
                + "username_label = Comet user id\n"
                + "instructions = Enter your comet user id and your comet key.\n"
                + "\n" + backend.extraConfig();
    }

    static String logging(Path dir) {
        return "log4j.rootLogger=debug, R\n"
                + "log4j.appender.R=org.apache.log4j.FileAppender\n"
                + "log4j.appender.R.File=" + dir.resolve("spectrum.log") + "\n"
                + "log4j.appender.R.Append=true\n"
                + "log4j.appender.R.layout=org.apache.log4j.PatternLayout\n"
                + "log4j.appender.R.layout.ConversionPattern=%d %-5p %c: %m%n\n";
    }

    static String backendLogging(Path dir) {
        return "log4j.rootLogger=debug, R\n"
                + "log4j.appender.R=org.apache.log4j.FileAppender\n"
                + "log4j.appender.R.File=" + dir.resolve("backend-${id}.log") + "\n"
                + "log4j.appender.R.layout=org.apache.log4j.PatternLayout\n"
                + "log4j.appender.R.layout.ConversionPattern=${pid}: %d %-5p %c: %m%n\n";
    }
}
