package org.spectrumcomet.bench.comet.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for a started server's one-line readiness report on stdout ({@code … ready k=v …}) and
 * reads {@code key=host:port} values from it. Bounded: a server that prints nothing within the
 * timeout, or exits, fails the start with its log file named.
 */
final class ReadyLine {

    private final String line;

    private ReadyLine(String line) {
        this.line = line;
    }

    static ReadyLine await(Process process, String prefix, long timeoutSeconds, String logHint) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = new CompletableFuture<>();
        // keeps draining stdout after the ready line so the server never blocks on a full pipe
        Thread reader = new Thread(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith(prefix)) {
                        ready.complete(l);
                    }
                }
            } catch (IOException e) {
                // process gone
            }
            ready.complete(null);
        }, "ready-line-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            String l = ready.get(timeoutSeconds, TimeUnit.SECONDS);
            if (l == null) {
                throw new IOException("server exited without '" + prefix + "'; see " + logHint);
            }
            return new ReadyLine(l);
        } catch (TimeoutException e) {
            throw new IOException("no '" + prefix + "' within " + timeoutSeconds + " s; see " + logHint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + prefix);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** The port of {@code key=host:port}. */
    int port(String key) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(key) + "=[^ :]+:(\\d+)").matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + "= in ready line: " + line);
        }
        return Integer.parseInt(m.group(1));
    }

    String text() {
        return line;
    }
}
