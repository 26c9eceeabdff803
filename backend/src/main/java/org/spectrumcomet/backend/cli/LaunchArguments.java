package org.spectrumcomet.backend.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What Spectrum passed on the command line.
 *
 * @param host the main instance's address ({@code --host}/{@code -h}, default 127.0.0.1)
 * @param port the main instance's backend port ({@code --port}/{@code -p}); 0 when not given
 * @param backendId the 1-based slot from {@code --service.backend_id=N}; 0 when not given
 * @param noDaemonize {@code -n}/{@code --no-daemonize} (the main's flag, passed through; backends never daemonize)
 * @param noDebug {@code -d}/{@code --no-debug} (the main's flag, passed through)
 * @param configFile the last positional argument, or null when absent
 * @param configOverrides {@code --section.key=value} options and {@code -j JID} (as {@code service.jid});
 *                        they win over the file
 * @param ignored arguments that were neither, kept for a debug log
 * @param helpRequested {@code --help}
 * @param versionRequested {@code --version}
 */
public record LaunchArguments(
        String host,
        int port,
        int backendId,
        boolean noDaemonize,
        boolean noDebug,
        Path configFile,
        Map<String, String> configOverrides,
        List<String> ignored,
        boolean helpRequested,
        boolean versionRequested) {

    public LaunchArguments {
        configOverrides = Map.copyOf(configOverrides);
        ignored = List.copyOf(ignored);
    }
}
