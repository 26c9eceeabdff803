package org.spectrumcomet.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples one child JVM the way an operator would: {@code jcmd <pid> GC.run} then
 * {@code GC.heap_info} (heap used right after a full collection), {@code VmRSS} from
 * {@code /proc/<pid>/status} and the number of entries in {@code /proc/<pid>/fd}. A value that
 * cannot be read is -1 (the summary then cannot call it flat).
 */
public final class ProcessProbe {

    private static final Pattern HEAP_USED = Pattern.compile("^ (?!Metaspace)\\S.*total \\d+K, used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
    private static final long JCMD_SECONDS = 30;

    private final String name;
    private final long pid;
    private final Path jcmd;
    private final Path commands;

    /** One sample: bytes of heap after GC, bytes resident, open descriptors. */
    public record Sample(long heapAfterGc, long rss, long fds) {
    }

    public ProcessProbe(String name, long pid, Path workDir) throws IOException {
        this.name = name;
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // one jcmd run for both commands: each run starts a JVM, which costs more than the GC
        this.commands = workDir.resolve("jcmd-gc-heap.txt");
        Files.writeString(commands, "GC.run\nGC.heap_info\n", StandardCharsets.UTF_8);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public Sample sample() {
        return new Sample(heapAfterGc(), rss(), fds());
    }

    long heapAfterGc() {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "-f", commands.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return heapUsedIn(out);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The heap bytes in use in a {@code GC.heap_info} answer (every generation summed), or -1. */
    static long heapUsedIn(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        long kb = 0;
        boolean any = false;
        while (m.find()) {
            kb += Long.parseLong(m.group(1));
            any = true;
        }
        return any ? kb * 1024 : -1;
    }

    long rss() {
        try {
            Matcher m = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    long fds() {
        try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return entries.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
