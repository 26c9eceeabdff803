package org.spectrumcomet.backend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Parses Spectrum's spawn argv:
 * {@code --host H --port P --service.backend_id=N "<main's own args>"}, e.g.
 * {@code --host 127.0.0.1 --port 33333 --service.backend_id=1 -n /etc/spectrum2/transports/x.cfg}
 * or {@code ... -j vhost.example /etc/x.cfg}.
 *
 * <p>{@code --section.key=value} options are taken out first as config overrides (picocli cannot
 * declare an open set of them); everything else goes to picocli with unmatched arguments allowed,
 * so an unknown option is only reported in {@link LaunchArguments#ignored()}. Note that {@code -h}
 * is the host, as in Spectrum: help is {@code --help} only.
 */
public final class LaunchArgumentsParser {

    private static final Pattern OVERRIDE = Pattern.compile("--([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_.\\-]+)=(.*)", Pattern.DOTALL);

    private LaunchArgumentsParser() {
    }

    @Command(name = "spectrum-backend", sortOptions = false,
            description = "A Spectrum 2 backend. Started by the Spectrum main instance.")
    static final class Spec {
        @Option(names = {"-h", "--host"}, paramLabel = "HOST", description = "main instance address (default 127.0.0.1)")
        String host = "127.0.0.1";

        @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "main instance backend port")
        int port;

        @Option(names = {"-n", "--no-daemonize"}, description = "passed through from the main; ignored")
        boolean noDaemonize;

        @Option(names = {"-d", "--no-debug"}, description = "passed through from the main; ignored")
        boolean noDebug;

        @Option(names = {"-j", "--jid"}, paramLabel = "JID", description = "the transport JID (service.jid)")
        String jid;

        @Option(names = "--help", usageHelp = true, description = "print this help and exit")
        boolean help;

        @Option(names = "--version", versionHelp = true, description = "print the version and exit")
        boolean version;

        @Parameters(paramLabel = "CONFIG", arity = "0..*", description = "the transport config file (the last one wins)")
        List<String> positional = new ArrayList<>();
    }

    /** Parses argv; never throws for unknown or malformed options (they are reported as ignored). */
    public static LaunchArguments parse(String[] argv) {
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String arg : argv) {
            Matcher m = OVERRIDE.matcher(arg);
            if (m.matches()) {
                overrides.put(m.group(1), m.group(2));
            } else {
                rest.add(arg);
            }
        }
        Spec spec = new Spec();
        CommandLine cl = newCommandLine(spec);
        List<String> ignored = new ArrayList<>();
        try {
            CommandLine.ParseResult result = cl.parseArgs(rest.toArray(String[]::new));
            ignored.addAll(result.unmatched());
        } catch (CommandLine.ParameterException e) {
            // e.g. "--port abc": keep what parsed, report the rest; never abort on argv.
            ignored.add(e.getMessage());
        }
        if (spec.jid != null) {
            overrides.put("service.jid", spec.jid);
        }
        int backendId = parseBackendId(overrides.get("service.backend_id"), ignored);
        Path config = spec.positional.isEmpty() ? null : Path.of(spec.positional.get(spec.positional.size() - 1));
        if (spec.positional.size() > 1) {
            ignored.addAll(spec.positional.subList(0, spec.positional.size() - 1));
        }
        return new LaunchArguments(spec.host, spec.port, backendId, spec.noDaemonize, spec.noDebug, config,
                overrides, ignored, spec.help, spec.version);
    }

    /** Prints the usage text ({@code --help}). */
    public static void printUsage(PrintWriter out) {
        newCommandLine(new Spec()).usage(out);
        out.println("      --service.backend_id=N  the backend slot Spectrum assigned (logs, ${id})");
        out.println("      --section.key=value     override a config value (wins over the file)");
        out.flush();
    }

    private static CommandLine newCommandLine(Spec spec) {
        CommandLine cl = new CommandLine(spec);
        cl.setUnmatchedArgumentsAllowed(true);
        cl.setUnmatchedOptionsArePositionalParams(false);
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }

    private static int parseBackendId(String value, List<String> ignored) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            ignored.add("--service.backend_id=" + value + " (not a number)");
            return 0;
        }
    }
}
